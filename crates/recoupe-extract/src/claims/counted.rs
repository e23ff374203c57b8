//! What a figure counts: the noun right after it (through "de", adjectives and other words
//! the lexicon lets stand between), the unit written with it, or a counted noun earlier in
//! the sentence.

use recoupe_model::Span;
use recoupe_model::quantity::{Dimension, PartRole, Quantity};

use super::lexicon::Lexicon;
use super::tokens::{Token, token_at};

/// The rule of a noun guessed from earlier in the sentence, which a better source replaces.
pub const EARLIER_IN_SENTENCE: &str = "counted/earlier-in-sentence";

/// Most words allowed between a number and its noun ("plus de 110 000 [nouveaux] civils").
const MAX_GAP: usize = 3;

/// A counted noun found for a figure.
#[derive(Debug, Clone)]
pub struct Found {
    pub span: Span,
    pub category: String,
    pub rule: &'static str,
}

impl Found {
    /// Whether the noun is only a guess (a noun earlier in the sentence, people for "d'entre
    /// eux"), which a noun shared with another figure overrides.
    pub fn is_guess(&self) -> bool {
        self.rule == EARLIER_IN_SENTENCE || self.rule == BY_PARTITIVE
    }
}

/// Tokens `[a, b)` are the figure's; `floor` is the first token a backward search may use
/// (the end of the previous figure), so a noun counted by another figure is not taken twice.
pub fn find(
    lex: &Lexicon,
    tokens: &[Token],
    q: &Quantity,
    (a, b): (usize, usize),
    floor: usize,
) -> Option<Found> {
    if let Some(found) = from_unit(lex, tokens, q) {
        return Some(found);
    }
    if is_ratio(lex, tokens, b) {
        return None;
    }
    // A share counts what follows its "de" ("70 % des exportations"); a plain number the noun
    // right after it, even outside the lexicon: it is nearer than any noun earlier in the
    // sentence ("trois autres passagers" after "deux victimes").
    let share = super::unit_is(q, Dimension::Ratio);
    if (q.unit.is_none() || share)
        && let Some(found) = set_to(lex, tokens, (a, b), !share)
    {
        return Some(found);
    }
    // Right after a unit a word qualifies the unit ("16 milliards de francs belges"); what
    // an amount counts follows its "de" ("5 000 euros de dommages").
    if let Some(found) =
        after(lex, tokens, b).filter(|f| q.unit.is_none() || share || f.rule != AFTER_NUMBER)
    {
        return Some(found);
    }
    // A quantity of matter counts the matter its "de" names ("100 m3 de gasoil", "10 tonnes
    // de blé"): the noun may be singular.
    if let Some(found) = matter_of(lex, tokens, q, b) {
        return Some(found);
    }
    // Two or more of a noun outside the lexicon are written in the plural: a singular word
    // after "1100" is an adverb or an elided noun ("dont 1100 seulement"), not what it counts.
    let plural = !share && q.low.or(q.best).is_some_and(|v| v >= 2.0);
    if (q.unit.is_none() || share)
        && let Some(found) = other_noun(lex, tokens, b, share, plural)
    {
        return Some(found);
    }
    // A unit already says what an amount counts ("150 euros"): no earlier noun is taken; a
    // share of "d'entre eux" is a share of people ("64 % d'entre eux soutiennent").
    if q.unit.is_some() {
        return share
            .then(|| {
                by_partitive(lex, tokens, b)
                    .or_else(|| by_subject_pronoun(lex, tokens, a))
                    .or_else(|| rate_of(lex, tokens, a))
            })
            .flatten();
    }
    // "tuant une personne et blessant six autres": "autres" points back to a noun, which may
    // be singular.
    let plural = plural && !is_other(lex, tokens, b);
    // "une aide de 1,5 milliard": the amount of a sum of money counts no noun named before it.
    let amount = a
        .checked_sub(2)
        .and_then(|k| tokens.get(k..a))
        .is_some_and(|w| lex.amount_heads.contains(&w[0].key) && lex.of_links.contains(&w[1].key));
    by_subject_pronoun(lex, tokens, a)
        .or_else(|| {
            (!amount)
                .then(|| before(lex, tokens, (floor, a), plural))
                .flatten()
        })
        .or_else(|| by_partitive(lex, tokens, b))
}

/// "a chiffré à quelque 70 000 les morts", "porte à 360 le nombre de trains": a figure after
/// "à" is what a verb sets a number to, and counts the noun its article (or "le nombre de")
/// opens after it.
/// A count's noun is a plural (`plural`), a share's may be singular ("la marge").
fn set_to(lex: &Lexicon, tokens: &[Token], (a, b): (usize, usize), plural: bool) -> Option<Found> {
    if !lex
        .set_to_links
        .contains(&tokens.get(a.checked_sub(1)?)?.key)
    {
        return None;
    }
    let head = lex.set_to_heads.at(tokens, b)?;
    let found = after(lex, tokens, head.end)
        .or_else(|| other_noun(lex, tokens, head.end, false, plural))?;
    // "de 46,8 % en 2016 à 46,5 % l'an dernier": a time after the figure dates it.
    let time = found.category == "duration"
        || tokens
            .get(token_at(tokens, found.span.start))
            .is_some_and(|t| lex.age_units.contains(&t.key));
    if time {
        return None;
    }
    Some(Found {
        rule: "counted/after-number-it-is-set-to",
        ..found
    })
}

/// Most tokens between a rate's head and its share: "le taux de couverture vaccinale est
/// seulement de 75 %".
const RATE_REACH: usize = 8;

/// "un taux de grévistes de 33,9 %", "le taux de chômage s'élève à 9 %": a share with no
/// noun after it counts what the rate before it, in its clause, is a rate of: a noun of the
/// lexicon, else the rate itself ("taux de chômage").
fn rate_of(lex: &Lexicon, tokens: &[Token], a: usize) -> Option<Found> {
    // The share may stand in brackets after the rate: "le taux de chômage des jeunes hommes
    // (41,7 %)".
    let a = match a.checked_sub(1).and_then(|k| tokens.get(k)) {
        Some(t) if t.key == "(" => a - 1,
        _ => a,
    };
    let head = (a.saturating_sub(RATE_REACH)..a)
        .rev()
        .take_while(|&k| tokens.get(k).is_some_and(|t| t.is_word))
        .find(|&k| {
            tokens
                .get(k)
                .is_some_and(|t| lex.rate_heads.contains(&t.key))
                && tokens
                    .get(k + 1)
                    .is_some_and(|t| lex.noun_links.contains(&t.key))
        })?;
    let start = tokens.get(head)?.start;
    let found = after(lex, tokens, head + 1)
        .map(|f| Found {
            rule: "counted/what-the-rate-counts",
            ..f
        })
        .or_else(|| {
            let noun = other_noun(lex, tokens, head + 1, true, false)?;
            Some(Found {
                span: Span::new(start, noun.span.end),
                category: "other".to_owned(),
                rule: "counted/the-rate-itself",
            })
        })?;
    (found.span.end <= tokens.get(a)?.start).then_some(found)
}

/// The rule of a lexicon noun right after the figure.
const AFTER_NUMBER: &str = "counted/after-number";

/// The rule of people counted by "d'entre eux": a guess ([`Found::is_guess`]).
pub const BY_PARTITIVE: &str = "counted/people-by-partitive-pronoun";

/// "Dix d'entre eux": with no noun in its sentence, the figure counts people.
fn by_partitive(lex: &Lexicon, tokens: &[Token], b: usize) -> Option<Found> {
    let hit = lex.people_partitives.at(tokens, b)?;
    Some(Found {
        span: hit.span(tokens)?,
        category: hit.category,
        rule: BY_PARTITIVE,
    })
}

/// The rule of a part counting what the whole it is taken from counts ("Deux des trois
/// immeubles").
pub const PART_OF_WHOLE: &str = "counted/part-of-counted-whole";

/// The rule of a figure and "autres" counting what an earlier figure counts.
pub const OTHER_THAN_EARLIER: &str = "counted/other-than-earlier-figure";

/// Whether "autres" follows the figure ending at token `b` with no noun of its own, or "ceux"
/// follows it or its "de": "les 40 autres", "six autres dont un policier", "52 % de ceux de
/// gauche".
pub fn is_other(lex: &Lexicon, tokens: &[Token], b: usize) -> bool {
    let other = |i: usize| tokens.get(i).is_some_and(|t| lex.others.contains(&t.key));
    other(b)
        || (tokens
            .get(b)
            .is_some_and(|t| lex.noun_links.contains(&t.key))
            && other(b + 1))
}

/// The rule of people counted by a subject pronoun and "être": "nous étions dix".
pub const BY_PRONOUN: &str = "counted/people-by-subject-pronoun";

/// "Nous étions dix", "ils étaient 200 à manifester": the figure counts the people the
/// pronoun names.
fn by_subject_pronoun(lex: &Lexicon, tokens: &[Token], a: usize) -> Option<Found> {
    // A restriction may stand around the verb: "ils ne sont que 10 % à se sentir seuls".
    let key = |k: usize| tokens.get(k).map(|t| t.key.as_str());
    let mut v = a.checked_sub(1)?;
    if key(v).is_some_and(|k| lex.negation_restrictors.contains(k)) {
        v = v.checked_sub(1)?;
    }
    let mut p = v.checked_sub(1)?;
    if key(p).is_some_and(|k| lex.negation_openers.contains(k)) {
        p = p.checked_sub(1)?;
    }
    let pronoun = tokens.get(p)?;
    let verb = tokens.get(v)?;
    if !lex
        .verbs
        .forms
        .is_form_of(&verb.key, &lex.people_pronoun_verbs)
    {
        return None;
    }
    if lex.people_pronouns.contains(&pronoun.key) {
        return Some(Found {
            span: Span::new(pronoun.start, pronoun.end),
            category: "people".to_owned(),
            rule: BY_PRONOUN,
        });
    }
    // A plural subject of people does the same after its determiner: "les Français étaient
    // 22 % à déclarer".
    let determiner = tokens.get(p.checked_sub(1)?)?;
    let people = (pronoun.capitalized && is_demonym(lex, &pronoun.key))
        || lex
            .counted
            .at(tokens, p)
            .is_some_and(|h| h.end == p + 1 && h.category == "people");
    (people && lex.verbs.plural_determiners.contains(&determiner.key)).then(|| Found {
        span: Span::new(pronoun.start, pronoun.end),
        category: "people".to_owned(),
        rule: BY_PRONOUN,
    })
}

/// Whether a multiplier and a comparison follow the figure ending at token `b`: "1,5 fois
/// plus que l'Allemagne", "trois fois la taille" are ratios, they count nothing; "a fait
/// feu 5 fois" counts shots.
pub fn is_ratio(lex: &Lexicon, tokens: &[Token], b: usize) -> bool {
    multiplier_at(lex, tokens, b)
        && tokens
            .get(b + 1)
            .is_some_and(|t| lex.after_multiplier.contains(&t.key))
}

/// Whether a multiplier with no comparison follows the figure ending at token `b`: it counts
/// times ("a fait feu 5 fois").
pub fn counts_times(lex: &Lexicon, tokens: &[Token], b: usize) -> bool {
    multiplier_at(lex, tokens, b) && !is_ratio(lex, tokens, b)
}

/// Whether a multiplier ("fois") follows the figure ending at token `b`.
pub fn multiplier_at(lex: &Lexicon, tokens: &[Token], b: usize) -> bool {
    tokens
        .get(b)
        .is_some_and(|t| lex.multipliers.contains(&t.key))
}

/// "7,1 hectares", "environ 3,5 kilomètres de route", "5km": the unit is the counted thing.
fn from_unit(lex: &Lexicon, tokens: &[Token], q: &Quantity) -> Option<Found> {
    let unit = q.unit.as_ref()?;
    let part = q.parts.iter().find(|p| p.role == PartRole::Unit);
    if let Some(part) = part {
        let i = token_at(tokens, part.span.start);
        // The entry must cover the unit: "km" is a length, "km/h" is not.
        if let Some(hit) = lex.counted.at(tokens, i).filter(|h| {
            h.end
                .checked_sub(1)
                .and_then(|k| tokens.get(k))
                .is_some_and(|t| t.end >= part.span.end)
        }) {
            let end = tokens.get(hit.end.checked_sub(1)?)?.end;
            let start = tokens.get(i)?.start.min(part.span.start);
            return Some(Found {
                span: Span::new(start, end.max(part.span.end)),
                category: hit.category,
                rule: "counted/unit-lexicon",
            });
        }
    }
    let category = match unit.dimension {
        Dimension::Length => "length",
        Dimension::Area => "area",
        Dimension::Duration => "duration",
        Dimension::Speed => "speed",
        _ => return None,
    };
    Some(Found {
        span: part.map_or(q.span, |p| p.span),
        category: category.to_owned(),
        rule: "counted/unit-dimension",
    })
}

/// The matter a mass, a volume or an energy is of, named after "de".
fn matter_of(lex: &Lexicon, tokens: &[Token], q: &Quantity, b: usize) -> Option<Found> {
    let dimension = q.unit.as_ref()?.dimension;
    if !matches!(
        dimension,
        Dimension::Mass | Dimension::Volume | Dimension::Energy
    ) || !lex.of_links.contains(&tokens.get(b)?.key)
    {
        return None;
    }
    other_noun(lex, tokens, b, true, false).map(|found| Found {
        rule: "counted/matter-after-measure",
        ..found
    })
}

/// The counted noun after the figure, past "de" and a few adjectives.
fn after(lex: &Lexicon, tokens: &[Token], b: usize) -> Option<Found> {
    let mut j = restating_bracket_end(tokens, b).unwrap_or(b);
    let mut gap = 0;
    while let Some(t) = tokens.get(j) {
        // A quotation may close or open between the figure and its noun: "autour d'une
        // dizaine» de tags"; so may an editor's square bracket: "« Une quarantaine
        // [d'interdictions de sortie du territoire] sont en préparation »".
        if t.is_quote_mark() || editor_bracket(t, j, b) {
            j += 1;
            continue;
        }
        if !t.is_word {
            return None;
        }
        // An adjective that can name people alone ("jeunes") yields to the noun after it
        // ("jeunes enfants").
        let yields =
            lex.skip.contains(&t.key) && gap < MAX_GAP && lex.counted.at(tokens, j + 1).is_some();
        // A noun followed by digits compares two figures ("73 % contre 34 %"), it counts
        // nothing of the first.
        let compares = |end: usize| {
            tokens
                .get(end)
                .is_some_and(|t| t.key.starts_with(|c: char| c.is_ascii_digit()))
        };
        // "123 voix contre 16": the shorter entry ("voix") when the longer one compares.
        let hit = lex.counted.at(tokens, j).and_then(|h| {
            if !compares(h.end) {
                return Some(h);
            }
            let shorter = tokens.get(..h.end.checked_sub(1)?)?;
            lex.counted.at(shorter, j)
        });
        if let Some(hit) = hit.filter(|_| !yields) {
            return Some(Found {
                span: hit.span(tokens)?,
                category: hit.category,
                rule: if gap == 0 {
                    AFTER_NUMBER
                } else {
                    "counted/after-de-or-adjective"
                },
            });
        }
        if gap >= MAX_GAP || !lex.skip.contains(&t.key) {
            return None;
        }
        gap += 1;
        j += 1;
    }
    None
}

/// The nearest counted noun before the figure, not before `floor`; with `plural`, a plural
/// one: a singular noun is not what two or more count ("la peine de mort contre cinq des 21
/// suspects").
fn before(
    lex: &Lexicon,
    tokens: &[Token],
    (floor, a): (usize, usize),
    plural: bool,
) -> Option<Found> {
    let window = tokens.get(floor..a)?;
    // After an auxiliary a word is the verb's participle ("ont été tués"), not a noun.
    let after_auxiliary = |i: usize| {
        i.checked_sub(1)
            .and_then(|k| window.get(k))
            .is_some_and(|t| lex.verbs.auxiliaries.contains(&t.key))
    };
    // A participle right after a noun is its epithet ("des jeunes interrogés", "les variétés
    // inscrites"), even when the lexicon has it as a noun too: the noun is the counted thing.
    let epithet = |i: usize| {
        let participle = window.get(i).is_some_and(|t| {
            lex.verbs
                .forms
                .get(&t.key)
                .is_some_and(|c| c.past_participle())
        });
        participle
            && i.checked_sub(1)
                .and_then(|k| window.get(k))
                .is_some_and(|t| {
                    t.is_word
                        && !t.capitalized
                        && !lex.not_nouns.contains(&t.key)
                        && !lex.skip.contains(&t.key)
                        && !t.key.starts_with(|c: char| c.is_ascii_digit())
                })
    };
    let hit = lex.counted.all(window).into_iter().rev().find(|h| {
        !after_auxiliary(h.start)
            && !epithet(h.start)
            && (h.end != h.start + 1
                || !window
                    .get(h.start)
                    .is_some_and(|t| lex.right_after_number.contains(&t.key)))
            && (!plural
                || window
                    .get(h.end - 1)
                    .is_some_and(|t| is_plural(lex, &t.key)))
    })?;
    Some(Found {
        span: hit.span(window)?,
        category: hit.category,
        rule: EARLIER_IN_SENTENCE,
    })
}

/// Whether token `t` at `j` is an editor's square bracket opening right after the figure
/// ending at `b`: what it restores is what the figure counts.
fn editor_bracket(t: &Token, j: usize, b: usize) -> bool {
    j == b && t.key == "["
}

/// Most tokens inside a bracket that restates the figure before its noun.
const RESTATING_BRACKET: usize = 4;

/// Where a bracket right after the figure ending at `b` closes when it restates the figure
/// with no word of its own ("la moitié (58 %) des dossiers"): its noun comes after.
fn restating_bracket_end(tokens: &[Token], b: usize) -> Option<usize> {
    if tokens.get(b)?.key != "(" {
        return None;
    }
    let close = (b + 1..(b + 2 + RESTATING_BRACKET).min(tokens.len()))
        .find(|&k| tokens.get(k).is_some_and(|t| t.key == ")"))?;
    tokens
        .get(b + 1..close)?
        .iter()
        .all(|t| !t.is_word || t.key.starts_with(|c: char| c.is_ascii_digit()))
        .then_some(close + 1)
}

/// The noun after a figure that no lexicon entry names ("3 000 galettes", "24 élus"), past
/// "de" and adjectives: category "other", so the claim still says what it counts. None when
/// the next word is a function word, a time unit or punctuation. With `needs_link`, only a
/// noun after a link word ("des exportations") is taken.
/// With `plural`, a singular word is no counted noun.
fn other_noun(
    lex: &Lexicon,
    tokens: &[Token],
    b: usize,
    needs_link: bool,
    plural: bool,
) -> Option<Found> {
    let b = restating_bracket_end(tokens, b).unwrap_or(b);
    if needs_link {
        let first = tokens.get(b)?;
        if !first.is_word || !lex.noun_links.contains(&first.key.replace('’', "'")) {
            return None;
        }
    }
    let mut j = b;
    let mut gap = 0;
    while let Some(t) = tokens.get(j) {
        let key = t.key.replace('’', "'");
        if t.is_quote_mark() || editor_bracket(t, j, b) {
            j += 1;
            continue;
        }
        if !t.is_word {
            return None;
        }
        // "de", "des" and adjectives may stand between; verbs and articles end the search,
        // but for a share's article: "40 % de l'électorat", "25 % d'un texte".
        let share_article = needs_link && j == b + 1 && lex.share_articles.contains(&key);
        let link = lex.noun_links.contains(&key)
            || share_article
            || (lex.skip.contains(&key) && !lex.not_nouns.contains(&key));
        if link && gap < MAX_GAP {
            gap += 1;
            j += 1;
            continue;
        }
        // "de l'ensemble des salariés": the whole's head is stepped over, free of the gap.
        if gap > 0 && lex.whole_heads.contains(&key) {
            j += 1;
            continue;
        }
        if lex.not_nouns.contains(&key) {
            return None;
        }
        let letters = t.key.chars().filter(|c| c.is_alphabetic()).count();
        // Inhabitants are the only capitalized counted nouns: "59 % des Wallons".
        if t.capitalized && is_demonym(lex, &key) {
            return Some(Found {
                span: Span::new(t.start, t.end),
                category: "people".to_owned(),
                rule: "counted/inhabitants-after-number",
            });
        }
        // Any other capitalized word is a name ("Crs 57 Carcassonne", "bilan 2017 du
        // Ministère").
        if letters < 2 || t.key.chars().any(|c| c.is_ascii_digit()) || t.capitalized {
            return None;
        }
        if plural && !is_plural(lex, &key) {
            return None;
        }
        // A word that can only be a verb ("six sur dix avouent", "26 499 acceptées") counts
        // nothing: it says what happened to an unnamed noun.
        if lex.verbs.forms.get(&key).is_some_and(|c| c.only_verb()) {
            return None;
        }
        // Nor does a present participle in the singular ("dont la moitié entrant dans le
        // cadre du programme").
        // "étudiant" is a noun (`not_verbs`).
        if !is_plural(lex, &key)
            && !lex.verbs.not_verbs.contains(&key)
            && lex
                .verbs
                .forms
                .get(&key)
                .is_some_and(|c| c.present_participle())
        {
            return None;
        }
        // Past a share's article, a noun of the lexicon keeps its category ("70 % de la
        // population").
        if let Some(hit) = lex.counted.at(tokens, j) {
            let last = tokens.get(hit.end.checked_sub(1)?)?;
            return Some(Found {
                span: Span::new(t.start, last.end),
                category: hit.category,
                rule: "counted/after-share-article",
            });
        }
        // "Quatre de ses caricaturistes": a noun of people by its ending.
        if lex.people_endings.iter().any(|e| key.ends_with(e.as_str()))
            && !lex.not_people.contains(&key)
        {
            return Some(Found {
                span: Span::new(t.start, t.end),
                category: "people".to_owned(),
                rule: "counted/people-by-ending",
            });
        }
        return Some(Found {
            span: Span::new(t.start, t.end),
            category: "other".to_owned(),
            rule: "counted/other-noun-after-number",
        });
    }
    None
}

/// The counted noun an elliptic figure `k` shares with a figure beside it: the earlier
/// figure's when a list word stands between them and no auxiliary ("15 sièges pour le FN,
/// entre 350 et 380 pour LREM"), else the next figure's when one join word is all that
/// separates them ("de 90 à 80 km/h", "6, 12 ou 24 préservatifs"). `ranges` are the sentence's figures, `found` their
/// counted nouns; returns the noun and whether it came from the earlier figure.
pub fn shared(
    lex: &Lexicon,
    tokens: &[Token],
    ranges: &[(usize, usize, bool)],
    found: &[Option<Found>],
    k: usize,
) -> Option<(Found, bool)> {
    let &(a, b, _) = ranges.get(k)?;
    let earlier = k.checked_sub(1).and_then(|p| {
        let noun = found.get(p)?.as_ref()?;
        let from = token_at(tokens, noun.span.end).max(ranges.get(p)?.1);
        let between = tokens.get(from..a)?;
        let linked = between.iter().any(|t| lex.ellipsis_links.contains(&t.key));
        let verb = between
            .iter()
            .any(|t| t.is_word && lex.verbs.auxiliaries.contains(&t.key));
        // A mark a comma follows ends a name, not the clause: "pour La République en
        // marche!, entre 130 et 150 pour Les Républicains".
        let closed = between.iter().enumerate().any(|(i, t)| {
            !t.is_word
                && lex.verbs.clause_ends.contains(&t.key)
                && t.key != "("
                && t.key != ")"
                && between.get(i + 1).is_none_or(|n| n.key != ",")
        });
        (linked && !verb && !closed && between.len() <= lex.ellipsis_reach).then(|| {
            (
                Found {
                    rule: "counted/shared-with-earlier-figure",
                    ..noun.clone()
                },
                true,
            )
        })
    });
    earlier.or_else(|| {
        let &(next_a, next_b, _) = ranges.get(k + 1)?;
        let noun = found.get(k + 1)?.as_ref()?;
        let join = tokens.get(b..next_a)?;
        let [word] = join else { return None };
        // A comma heads a list that the next figure closes: "des boîtes de 6, 12 ou 24
        // préservatifs".
        let list_closed_next = word.key == ","
            && tokens
                .get(next_a..next_b)
                .is_some_and(|w| w.iter().any(|t| lex.verbs.coordinators.contains(&t.key)));
        (lex.ellipsis_joins.contains(&word.key) || list_closed_next).then(|| {
            (
                Found {
                    rule: "counted/shared-with-next-figure",
                    ..noun.clone()
                },
                false,
            )
        })
    })
}

/// Most words between a count and the "sur" of the whole it is taken from: its noun and
/// what qualifies it ("salles de soins", "écoles primaires").
const WHOLE_GAP: usize = 4;

/// Whether the figure starting at token `a` names the whole the count ending at token `end`
/// is taken from: "60 salles de soins sur les 84 existantes", "250 écoles primaires sur les
/// 284 écoles".
pub fn whole_of(lex: &Lexicon, tokens: &[Token], end: usize, a: usize) -> bool {
    let determiner = a
        .checked_sub(1)
        .and_then(|k| tokens.get(k))
        .is_some_and(|t| lex.whole_determiners.contains(&t.key));
    let Some(m) = a.checked_sub(1 + usize::from(determiner)) else {
        return false;
    };
    end < m
        && m - end <= WHOLE_GAP
        && tokens
            .get(m)
            .is_some_and(|t| lex.whole_links.contains(&t.key))
        && tokens.get(end..m).is_some_and(|between| {
            between
                .iter()
                .all(|t| t.is_word && !lex.verbs.is_conjugated(&t.key))
        })
}

/// A plural that names people of a place: "wallons", "français", "belges".
pub fn is_demonym(lex: &Lexicon, key: &str) -> bool {
    lex.demonyms.contains(key)
        || lex
            .demonym_endings
            .iter()
            .any(|e| key.len() > e.len() + 2 && key.ends_with(e.as_str()))
}

fn is_plural(lex: &Lexicon, key: &str) -> bool {
    lex.invariant_plurals.contains(key)
        || lex.plural_endings.iter().any(|e| key.ends_with(e.as_str()))
}
