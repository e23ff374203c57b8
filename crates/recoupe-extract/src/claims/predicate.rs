//! What a figure says happened: the predicate of the lexicon nearest to the figure in its
//! sentence (after it preferred, figures in between make a predicate farther), with the
//! modality the markers around them give ("doit", "table sur", "risquent de").

use recoupe_model::Span;
use recoupe_model::claim::Modality;

use super::lexicon::{Hit, Lexicon};
use super::tokens::Token;
use super::verbs;

/// Distance added for every other figure between a figure and a predicate.
const CROSSING: usize = 8;
/// Distance added to a predicate that does not fit the counted category.
const MISFIT: usize = 24;
/// Distance taken off a predicate right after an auxiliary (a main verb).
const MAIN_VERB: usize = 8;
/// How many tokens from the figure a predicate may stand: farther, it belongs to another
/// clause ("deux groupes d'hommes armés … utilisant un véhicule piégé").
const REACH: usize = 30;
/// How many words before the figure or predicate a modality marker may stand.
const MODALITY_REACH: usize = 6;

#[derive(Debug, Clone)]
pub struct Found {
    pub span: Span,
    pub category: String,
    pub modality: Modality,
    pub rule: &'static str,
}

/// `hits` are the sentence's predicate matches; `figures` the token ranges of its figures
/// (those that start a subset do not count as crossings); `blocked` token ranges that cannot
/// be predicates (the counted nouns of the sentence's figures); `clause_end` the token where
/// the figure's own clause ends, past its own verb: no predicate after the figure starts there
/// or later.
#[allow(clippy::too_many_arguments)]
pub fn find(
    lex: &Lexicon,
    tokens: &[Token],
    hits: &[Hit],
    (a, b): (usize, usize),
    figures: &[(usize, usize, bool)],
    blocked: &[(usize, usize)],
    counted: Option<&str>,
    clause_end: Option<usize>,
) -> Option<Found> {
    let overlaps = |s: usize, e: usize, (x, y): (usize, usize)| s < y && x < e;
    let subset = figures.iter().any(|&(x, _, starts)| x == a && starts);
    // A participle right after the figure's noun ("10 000 véhicules incendiés et 56
    // policiers blessés") is its event before any predicate past another figure.
    let own_participle = || {
        let is_noun = |k: usize| blocked.iter().any(|&(x, y)| (x..y).contains(&k));
        verbs::participles_after(lex, tokens, b, is_noun).any(|f| !f.state)
    };
    let best = hits
        .iter()
        .filter(|h| {
            !figures
                .iter()
                .any(|&(x, y, _)| overlaps(h.start, h.end, (x, y)))
        })
        .filter(|h| !blocked.iter().any(|&r| overlaps(h.start, h.end, r)))
        // A participle joined to a counted noun by "ou" is a noun too: "les 136 prévenus ou
        // accusés" ("et" joins verb phrases as well: "tué 130 personnes et blessé 350").
        .filter(|h| {
            let coordinated = h
                .start
                .checked_sub(1)
                .and_then(|k| tokens.get(k))
                .is_some_and(|t| lex.noun_coordinators.contains(&t.key));
            !(coordinated
                && h.start
                    .checked_sub(2)
                    .is_some_and(|k| blocked.iter().any(|&(x, y)| (x..y).contains(&k))))
        })
        // A word after a determiner is a noun, not the figure's verb: "selon un arrêté signé
        // mercredi", "l'âge de sortie", "dans sa fuite". An event noun tells the figure's
        // event only when its "de" leads to the figure (`right_before`); the nouns of a toll
        // keep their event ("les victimes").
        .filter(|h| {
            let noun = h
                .start
                .checked_sub(1)
                .and_then(|k| tokens.get(k))
                .is_some_and(|t| lex.verbs.determiners.contains(&t.key))
                && tokens.get(h.start).is_some_and(|t| {
                    !lex.verbs
                        .forms
                        .get(&t.key)
                        .is_some_and(|c| c.infinitive() || (c.finite() && c.only_verb()))
                });
            // "une évacuation de quelque 8000 civils": the noun's "de" leads to the figure.
            let of_figure = h.end <= a
                && tokens
                    .get(h.end..a)
                    .is_some_and(|w| w.iter().all(|t| lex.noun_links.contains(&t.key)));
            !noun || of_figure || lex.implied.values().any(|v| v == &h.category)
        })
        .filter(|h| h.start < b + REACH && h.end + REACH > a)
        // Before the figure, the participle of another figure's noun is that figure's when
        // this one has its own ("sept policiers blessés et 70 véhicules dégradés").
        .filter(|h| {
            let others_between = figures
                .iter()
                .any(|&(x, y, _)| x != a && x >= h.end && y <= a);
            let after_other_noun = blocked.iter().any(|&(_, y)| y == h.start);
            h.end > a || !(others_between || after_other_noun) || !own_participle()
        })
        // Past the figure's own verb, only its purpose is still its clause: "ont emprunté
        // des corridors afin d'évacuer la ville".
        .filter(|h| {
            h.start < b
                || clause_end.is_none_or(|end| h.start < end)
                || verbs::purpose_before(lex, tokens, b, h.start)
        })
        .filter(|h| h.start < b || !epithet_of_another_noun(lex, tokens, h, b, figures, blocked))
        .filter(|h| h.end > a || !epithet_before(lex, tokens, h, a, figures, blocked))
        // A gerund past the figure tells how the sentence's subject acted, not what befell
        // the figure: "a arrêté une liste de 5 membres en saisissant la présence d'un …".
        .filter(|h| h.start <= b || !verbs::gerund_after_marker(&lex.verbs, tokens, h.start))
        // A semicolon, a colon, a question or an exclamation mark ends the figure's sentence
        // part: "680 adultes s'y trouvent encore; 323 en sont revenus", "la conjugaison de
        // deux situations : nous sortions d'une tragédie".
        .filter(|h| {
            h.start < b
                || !tokens.get(b..h.start).is_some_and(|w| {
                    w.iter()
                        .any(|t| !t.is_word && lex.sentence_part_ends.contains(&t.key))
                })
        })
        // Before the figure, a predicate past "où", "que" or a "dont" with its own verb is
        // another clause's ("se sont déplacés sur les lieux, où se trouvaient 70 pompiers"); a
        // subset ("dont 5 831
        // enfants") refers back past any clause to its parent's.
        .filter(|h| {
            h.start >= b
                || subset
                || !(h.end..a).any(|i| {
                    verbs::opens_subordinate(&lex.verbs, tokens, i)
                        || verbs::relative_with_verb(&lex.verbs, tokens, i, a)
                })
        })
        // After the figure, a predicate past "alors que", "lorsque" or "où" is another
        // clause's ("deux tweets, publiés alors que les participants avaient déjà quitté
        // leur lieu"); past a "que" it may be an object relative's, the figure's own.
        .filter(|h| {
            h.start < b
                || !(b..h.start).any(|i| {
                    verbs::opens_subordinate(&lex.verbs, tokens, i)
                        && tokens
                            .get(i)
                            .is_some_and(|t| !lex.verbs.que_forms.contains(&t.key))
                })
        })
        // Between the figure and the predicate: an editor's insertion in brackets is a text
        // of its own; and round brackets hold an aside, so a predicate inside brackets the
        // figure is not in tells the aside's event ("1410 attentats ont eu lieu … (même si
        // ces attentats ont peu tué, 41 personnes)"), and one outside the brackets of a
        // figure is not its own ("celui de Nice le 14 juillet 2016 (86 morts)"); a subset in
        // brackets takes its parent's event.
        .filter(|h| {
            let between = if h.start >= b {
                tokens.get(b..h.start)
            } else {
                tokens.get(h.end..a)
            }
            .unwrap_or(&[]);
            let depth = between.iter().fold(0i32, |d, t| match t.key.as_str() {
                "(" => d + 1,
                ")" => d - 1,
                _ => d,
            });
            depth == 0 && !between.iter().any(|t| lex.insertion_marks.contains(&t.key))
        })
        .filter_map(|h| {
            let (base, lo, hi) = if h.start >= b {
                (2 * (h.start - b), b, h.start)
            } else {
                (2 * a.saturating_sub(h.end) + 1, h.end, a)
            };
            let crossed = figures
                .iter()
                .filter(|&&(x, y, subset)| !subset && x >= lo && y <= hi)
                .count();
            let misfit = if lex.fits(counted, &h.category) {
                0
            } else {
                MISFIT
            };
            let after_auxiliary = h.start > b
                && h.start
                    .checked_sub(1)
                    .and_then(|i| tokens.get(i))
                    .is_some_and(|t| lex.auxiliaries.contains(&t.key));
            let in_relative = h.start > b
                && tokens
                    .get(h.start.saturating_sub(3).max(b)..h.start)
                    .is_some_and(|w| w.iter().any(|t| lex.relatives.contains(&t.key)));
            // A duration's event is its own clause's: "confiné entre 22 et 24 heures par
            // jour dans sa cellule, dont il ne sortira qu'avec des entraves".
            if counted == Some(DURATION)
                && h.start > b
                && tokens.get(b..h.start).is_some_and(|w| {
                    w.iter().any(|t| {
                        lex.relatives.contains(&t.key)
                            || lex.verbs.relative_pronouns.contains(&t.key)
                    })
                })
            {
                return None;
            }
            let misfit = if in_relative { misfit + MISFIT } else { misfit };
            // Another clause stands between: a coordinated verb phrase ("quatre personnes et
            // en avait blessé 15 autres") or, past another figure, a subordinate one ("25 %
            // d'abstentionnisme et que plus de 12 % des gens se sont déplacés").
            let between = tokens.get(lo..hi).unwrap_or(&[]);
            let new_clause = new_verb_phrase(lex, between)
                || (crossed > 0
                    && between
                        .iter()
                        .any(|t| lex.verbs.complementizers.contains(&t.key)));
            // Past another figure and a "que", the clause is that figure's own ("25 %
            // d'abstentionnisme et que plus de 12 % des gens se sont déplacés"); so is the
            // predicate past another figure when this one has its own participle.
            // And an event past another figure that does not fit what this one counts, or
            // past a duration, is the other's ("Vingt jours … se soldant par … 56 policiers
            // blessés").
            // So is one past another figure when this one has a conjugated verb of its own
            // before it ("720 membres des forces de l'ordre sont à sa recherche et cinq de
            // ses proches ont été placés en garde à vue").
            let own_verb_first = || {
                let next_figure = figures
                    .iter()
                    .filter(|&&(x, _, subset)| !subset && x >= b && x < h.start)
                    .map(|&(x, _, _)| x)
                    .min()
                    .unwrap_or(b);
                tokens.get(b..next_figure).is_some_and(|w| {
                    w.iter().any(|t| {
                        t.is_word
                            && lex
                                .verbs
                                .forms
                                .get(&t.key)
                                .is_some_and(|c| c.finite() && c.only_verb())
                    })
                })
            };
            if crossed > 0
                && h.start >= b
                && ((lo..hi).any(|i| verbs::opens_subordinate(&lex.verbs, tokens, i))
                    || own_participle()
                    || own_verb_first()
                    || misfit > 0
                    || counted == Some(DURATION))
            {
                return None;
            }
            let misfit = if new_clause { misfit + MISFIT } else { misfit };
            let bonus = if after_auxiliary { MAIN_VERB } else { 0 };
            Some((
                (base + 2 * CROSSING * crossed + misfit).saturating_sub(bonus),
                h,
            ))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, h)| h)?;
    let first = tokens.get(best.start)?;
    let last = tokens.get(best.end.checked_sub(1)?)?;
    let lo = a.min(best.start).saturating_sub(MODALITY_REACH);
    let hi = b.max(best.end);
    Some(Found {
        span: Span::new(first.start, last.end),
        // A verb whose category does not fit what the figure counts still tells that
        // something happened to it: "la statue devrait être déplacée de quelques dizaines de
        // mètres" displaces no one.
        category: if lex.fits(counted, &best.category) {
            best.category.clone()
        } else {
            OTHER.to_owned()
        },
        modality: modality(lex, tokens, lo, hi),
        rule: if best.start >= b {
            "predicate/after-figure"
        } else {
            "predicate/before-figure"
        },
    })
}

/// The category of an event the lexicon does not name.
const OTHER: &str = "other";
/// The category of counted durations.
const DURATION: &str = "duration";

/// Whether the lexicon hit `h`, past the figure ending at token `b`, is a participle right
/// after another noun and its singular determiner: that noun's epithet ("utilisant un
/// véhicule piégé"), no event of the figure. After a plural determiner the word may be a
/// number ("trois des quatre blessés").
fn epithet_of_another_noun(
    lex: &Lexicon,
    tokens: &[Token],
    h: &Hit,
    b: usize,
    figures: &[(usize, usize, bool)],
    blocked: &[(usize, usize)],
) -> bool {
    h.start >= b + 2
        && epithet_determiner(lex, tokens, h, figures, blocked, false)
            .is_some_and(|t| !lex.verbs.plural_determiners.contains(&t.key))
}

/// Whether the lexicon hit `h`, before the figure starting at token `a` and apart from it,
/// is a participle right after another noun and its determiner: that noun's epithet, the
/// figure is in a phrase after it ("les projectiles retrouvés dans les corps de trois des
/// quatre victimes"). Not before "par", whose agent the figure may be.
fn epithet_before(
    lex: &Lexicon,
    tokens: &[Token],
    h: &Hit,
    a: usize,
    figures: &[(usize, usize, bool)],
    blocked: &[(usize, usize)],
) -> bool {
    // Past a comma the figure may stand in apposition to the noun ("une photo de l'enfant
    // décédé, quatre garçons").
    h.end < a
        && !tokens.get(h.end..a).is_some_and(|w| {
            w.iter()
                .any(|t| t.key == "," || lex.verbs.agent_markers.contains(&t.key))
        })
        && epithet_determiner(lex, tokens, h, figures, blocked, true).is_some()
}

/// The determiner before the noun that the lexicon hit `h`, one past participle, follows:
/// a lower-case word that is no auxiliary, no figure and no counted noun. With `strict`
/// (before the figure, where a verb is likelier), neither the participle nor the noun may be
/// a conjugated form.
fn epithet_determiner<'t>(
    lex: &Lexicon,
    tokens: &'t [Token],
    h: &Hit,
    figures: &[(usize, usize, bool)],
    blocked: &[(usize, usize)],
    strict: bool,
) -> Option<&'t Token> {
    let finite = |t: &Token| lex.verbs.forms.get(&t.key).is_some_and(|c| c.finite());
    let participle = h.end == h.start + 1
        && tokens.get(h.start).is_some_and(|t| {
            lex.verbs
                .forms
                .get(&t.key)
                .is_some_and(|c| c.past_participle())
                && (!strict || !finite(t))
        });
    if !participle || h.start < 2 {
        return None;
    }
    let k = h.start - 1;
    let noun = tokens.get(k).is_some_and(|t| {
        t.is_word
            && !t.capitalized
            && !lex.verbs.auxiliaries.contains(&t.key)
            && (!strict || !finite(t))
            && !blocked.iter().any(|&(x, y)| (x..y).contains(&k))
            && !figures.iter().any(|&(x, y, _)| (x..y).contains(&k))
    });
    tokens
        .get(k - 1)
        .filter(|t| noun && lex.verbs.determiners.contains(&t.key))
}

/// An event noun of `before_figure` that ends right where the figure starts at token `a`:
/// "causant la mort de six personnes"; or the same noun after any definite article, its
/// "de" right before the figure, a few words apart or none: "l'arrestation en France et en
/// Suisse de dix personnes", "lors du meurtre de trois policiers".
pub fn right_before(lex: &Lexicon, tokens: &[Token], a: usize) -> Option<Found> {
    // The figure's text may begin with the noun's "de" ("un défilé de centaines de motards").
    let starts_with_link = tokens
        .get(a)
        .is_some_and(|t| lex.noun_links.contains(&t.key));
    let hit = (a.saturating_sub(MODALITY_REACH)..a)
        .filter_map(|m| lex.before_figure.at(tokens, m))
        .find(|h| h.end == a || (starts_with_link && h.end == a + 1))
        .or_else(|| event_noun_apart(lex, tokens, a, starts_with_link))?;
    Some(Found {
        span: hit.span(tokens)?,
        category: hit.category,
        modality: modality(lex, tokens, hit.start.saturating_sub(MODALITY_REACH), a),
        rule: "predicate/event-noun-before-figure",
    })
}

/// How many tokens from an event noun after an indefinite article to its "de": the noun
/// and one adjective ("une production céréalière de").
const INDEFINITE_APART: usize = 2;

/// How many words may stand between an event noun and the "de" of its figure.
const NOUN_APART: usize = 8;

/// With `starts_with_link`, the figure's own text opens on the noun's "de" ("une production
/// de l'ordre de 73 524 quintaux").
fn event_noun_apart(
    lex: &Lexicon,
    tokens: &[Token],
    a: usize,
    starts_with_link: bool,
) -> Option<Hit> {
    let link = if starts_with_link {
        a
    } else {
        a.checked_sub(1)?
    };
    if !tokens
        .get(link)
        .is_some_and(|t| lex.noun_links.contains(&t.key))
    {
        return None;
    }
    // Words between may be places, dates, adverbs, a quoted aside; not another "de" (whose
    // figure would be another noun's: "la mort du frère de trois enfants"), a clause end, a
    // number or a verb.
    let mut m = link;
    while m > 0 && link - m < NOUN_APART {
        m -= 1;
        let t = tokens.get(m)?;
        // The noun after a definite article or its contraction ("l'arrestation", "lors du
        // meurtre de trois policiers"), which the event's span takes in.
        let article = m.checked_sub(1).filter(|&k| {
            tokens.get(k).is_some_and(|w| {
                lex.event_noun_articles.contains(&w.key)
                    || (link - m <= INDEFINITE_APART && lex.event_noun_indefinites.contains(&w.key))
            })
        });
        if let Some(article) = article
            && let Some(hit) = lex
                .before_figure_nouns
                .at(tokens, m)
                .filter(|h| h.end <= link)
        {
            return Some(Hit {
                start: article,
                ..hit
            });
        }
        let stops = (!t.is_word && lex.verbs.clause_ends.contains(&t.key))
            || lex.noun_links.contains(&t.key)
            || t.key.chars().any(|c| c.is_ascii_digit())
            || lex.verbs.forms.get(&t.key).is_some_and(|c| c.only_verb());
        if stops {
            return None;
        }
    }
    None
}

/// Whether `between` holds a coordinator that opens a new verb phrase: "et" then, within two
/// words, an auxiliary or a clitic subject ("et en avait blessé", "et ont été").
fn new_verb_phrase(lex: &Lexicon, between: &[Token]) -> bool {
    let v = &lex.verbs;
    between.iter().enumerate().any(|(k, t)| {
        v.coordinators.contains(&t.key)
            && between
                .iter()
                .skip(k + 1)
                .take(2)
                .any(|w| v.auxiliaries.contains(&w.key) || v.clitic_subjects.contains(&w.key))
    })
}

/// The modality of the first marker in tokens `[lo, hi)`, `done` when there is none.
pub fn modality(lex: &Lexicon, tokens: &[Token], lo: usize, hi: usize) -> Modality {
    let Some(window) = tokens.get(lo..hi.min(tokens.len())) else {
        return Modality::Done;
    };
    let phrases = lex.modality.all(window);
    let phrase = phrases.first().map(|h| h.category.as_str());
    // Past the phrases, any finite form of a modal verb ("nous risquons de"), or its
    // participle after an auxiliary ("a envisagé en 2017 de porter à 150 km/h").
    let forms = &lex.verbs.forms;
    let by_verb = || {
        window
            .iter()
            .enumerate()
            .filter(|&(k, t)| {
                forms.get(&t.key).is_some_and(|c| {
                    c.finite()
                        || (c.past_participle()
                            && !lex.not_modal_participles.contains(&t.key)
                            && k.checked_sub(1)
                                .and_then(|p| window.get(p))
                                .is_some_and(|w| lex.auxiliaries.contains(&w.key)))
                })
            })
            .find_map(|(_, t)| lex.modality_infinitives.category_of(forms, &t.key))
    };
    // A verb of intent before an infinitive, past its "de", plans it: "nous comptons
    // réaliser 30 %", "qui tenteront de pourvoir des dizaines de postes".
    let intent = || {
        (0..window.len()).any(|k| {
            let verb = window.get(k).is_some_and(|t| {
                forms.get(&t.key).is_some_and(|c| c.finite())
                    && forms.is_form_of(&t.key, &lex.verbs.intent_infinitives)
            });
            let link = usize::from(
                window
                    .get(k + 1)
                    .is_some_and(|t| lex.verbs.modal_links.contains(&t.key)),
            );
            verb && window
                .get(k + 1 + link)
                .is_some_and(|t| forms.get(&t.key).is_some_and(|c| c.infinitive()))
        })
    };
    match phrase
        .or_else(by_verb)
        .or_else(|| intent().then_some("planned"))
    {
        Some("planned") => Modality::Planned,
        Some("estimated") => Modality::Estimated,
        Some("expected") => Modality::Expected,
        Some("hypothetical") => Modality::Hypothetical,
        _ => Modality::Done,
    }
}

/// The modality a verb's tense gives it: the future plans ("tuera", "passeront"), the
/// conditional supposes ("entraînerait"). A form counts when it has the tense's ending and
/// starts with its infinitive ("prendra" from "prendre" less its final "e"), or is an
/// irregular future ("sera", "accueillera") or the conditional of one ("ferait"). The stem
/// test keeps out the past forms with the same endings ("déclara", "entrait").
pub fn tense_modality(lex: &Lexicon, key: &str) -> Option<Modality> {
    let forms = &lex.verbs.forms;
    if !forms.get(key).is_some_and(|c| c.finite()) {
        return None;
    }
    let regular = || {
        forms.infinitives_of(key).any(|infinitive| {
            key.starts_with(infinitive)
                || infinitive
                    .strip_suffix('e')
                    .is_some_and(|stem| key.starts_with(stem))
        })
    };
    if lex.future_endings.iter().any(|e| key.ends_with(e.as_str()))
        && (lex.irregular_futures.contains(key) || regular())
    {
        return Some(Modality::Planned);
    }
    let conditional = lex
        .conditional_endings
        .iter()
        .find(|e| key.ends_with(e.as_str()))?;
    // The conditional is built on the future's stem: "ferait" on "fera".
    let stem = key.strip_suffix(conditional.as_str())?;
    let irregular = lex
        .irregular_futures
        .contains(&format!("{stem}{}", lex.future_of_conditional));
    (irregular || regular()).then_some(Modality::Hypothetical)
}
/// How many words a verb group may hold before its verb: "n'ont jamais été retrouvés".
const NEGATION_REACH: usize = 4;

/// Whether the verb of tokens `[i, end)` is denied: "ne" at most four words before it, with no
/// punctuation between, then a particle before the verb or right after it ("n'ont jamais été
/// retrouvés", "n'évacuent pas") that no restrictor follows ("ne … plus que" limits); or
/// "sans" at most two words before it ("sans avoir été évacués").
pub fn negated(lex: &Lexicon, tokens: &[Token], (i, end): (usize, usize)) -> bool {
    let j = end.saturating_sub(1);
    let before = tokens
        .get(i.saturating_sub(NEGATION_REACH)..i)
        .unwrap_or(&[]);
    let opener = before
        .iter()
        .rposition(|t| !t.is_word || lex.negation_openers.contains(&t.key))
        .filter(|&k| before[k].is_word);
    if tokens
        .get(i.saturating_sub(2)..i)
        .is_some_and(|w| w.iter().any(|t| lex.negation_prepositions.contains(&t.key)))
    {
        return true;
    }
    let Some(k) = opener else {
        return false;
    };
    let from = i - (before.len() - k) + 1;
    let to = (j + 2).min(tokens.len());
    let Some(particle) = (from..to).find(|&m| {
        tokens
            .get(m)
            .is_some_and(|t| lex.negation_particles.contains(&t.key))
    }) else {
        return false;
    };
    !tokens
        .get(particle + 1)
        .is_some_and(|t| lex.negation_restrictors.contains(&t.key))
}

/// Whether the verb of tokens `[i, end)` is in the active voice: a past participle after a
/// form of "avoir" with no form of "être" ("ont tué"), or a finite form alone ("tuent"). Its
/// subject then did what the verb tells, to its object.
pub fn active_voice(lex: &Lexicon, tokens: &[Token], (i, end): (usize, usize)) -> bool {
    let j = end.saturating_sub(1);
    let forms = &lex.verbs.forms;
    let Some(last) = tokens.get(j) else {
        return false;
    };
    if !forms.is_form_of(&last.key, &lex.agent_verbs) {
        return false;
    }
    let around = tokens.get(i.saturating_sub(1)..j).unwrap_or(&[]);
    let passive = around
        .iter()
        .any(|t| forms.is_form_of(&t.key, &lex.passive_auxiliaries));
    let active = around
        .iter()
        .any(|t| forms.is_form_of(&t.key, &lex.verbs.active_auxiliaries));
    let participle = forms.get(&last.key).is_some_and(|c| c.past_participle());
    !passive
        && (active || (i == j && !participle && forms.get(&last.key).is_some_and(|c| c.finite())))
}
