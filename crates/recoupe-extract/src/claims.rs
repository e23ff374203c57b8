//! Claims: every figure of a document with what it counts, what happened, when, where, who
//! says so, and the sentence that says it.
//!
//! [`find_claims`] reads the annotations the other stages left in the document (quantities,
//! times, entities, speech) and the claims lexicons of its language; it detects nothing those
//! stages already detect. Each claim keeps the ids of the rules that filled its fields, so a
//! reader can see why it says what it says.
//!
//! A quantity becomes a claim when it is a figure, is not part of a time expression ("24" in
//! "les dernières 24 heures"), and — for durations — carries a predicate ("sept jours" of a
//! ceasefire is no claim, "réglée d'ici deux ou trois jours" is).

mod attribution;
mod counted;
mod forms;
mod lexicon;
mod place;
mod predicate;
mod tokens;
mod verbs;
mod window;

use std::collections::BTreeSet;

use recoupe_model::claim::{
    AttributionHow, Claim, Counted, Figure, FigureQualifier, Modality, Predicate, TimeWindow,
    WindowKind,
};
use recoupe_model::quantity::{Dimension, PartRole, Qualifier, Quantity, QuantityKind};
use recoupe_model::{Document, EmbedKind, Lang, Span};

use crate::annotate::HEADLINE_REMOVALS;

pub use lexicon::data_is_valid;
use lexicon::{Entries, Lexicon};
use tokens::{QUOTE_CLOSE, QUOTE_OPEN, Token, token_at, token_range, tokenize};

/// The rules of `verbs::find` whose verb is finite, so ends the figure's clause: a participle
/// or an infinitive after the figure's noun does not ("2 000 soldats déployés … ont été tués").
/// Most tokens from the end of a figure to the "soit" of the figure that restates it ("51
/// milliards de profits depuis janvier, soit 25 %").
const RESTATEMENT_REACH: usize = 7;
const CLAUSE_VERB_RULES: &[&str] = &[
    "predicate/other-compound-verb",
    "predicate/other-finite-verb",
    "predicate/other-modal-verb",
    "predicate/other-reflexive-verb",
    "predicate/other-verb-after-subject",
    "predicate/other-verb-after-name",
    "predicate/other-speech-verb",
];

/// The rule of a share with no noun that breaks down the share before a colon.
const BREAKDOWN_SHARE: &str = "counted/breakdown-of-earlier-share";

/// A stretch of text whose figures are read together: a sentence, or a headline line the
/// text stage removed from the normalized text (a repeated title, a "Lire aussi" link).
struct Unit {
    span: Span,
    paragraph: Option<usize>,
    /// A removed headline line (not a sentence).
    removed_headline: bool,
}

/// The tokens `[start, end)` of a figure in its sentence, and whether a subset marker
/// ("dont") opens it.
type FigureTokens = (usize, usize, bool);
/// Tokens `[start, end)` of a sentence: a speech cue, a counted noun.
type TokenRange = (usize, usize);

/// A claim under construction, before its parent is known by claim index.
struct Draft {
    quantity: usize,
    /// The quantity whose unit and scale an elliptic bare number takes ("815,5 millions
    /// d'euros en 2018, contre 823,2 en 2017"), with the scale.
    unit_from: Option<(usize, f64)>,
    unit: usize,
    subset: bool,
    /// Whether the figure is the subject of a verb of its own other than "être" ("dont 16
    /// ont atteint le stade"): a subset then keeps no event of its parent's.
    own_verb: bool,
    counted: Option<Counted>,
    predicate: Option<Predicate>,
    time: TimeWindow,
    rules: Vec<String>,
}

/// The claims of an annotated document, in text order. `part_of` indexes this list.
pub fn find_claims(doc: &Document) -> Vec<Claim> {
    let lang = match doc.language.lang {
        Lang::En => Lang::En,
        Lang::Fr | Lang::Other => Lang::Fr,
    };
    let lex = lexicon::lexicon(lang);
    let prefix = match lang {
        Lang::En => "claims/en/",
        _ => "claims/fr/",
    };
    let ann = &doc.annotations;
    let reference = ann.reference_date.map(|r| r.date);
    let outlet = doc.outlet.as_ref().map(|o| o.name.as_str());
    let speakers: BTreeSet<&str> = ann
        .speech
        .iter()
        .filter_map(|s| s.speaker_entity.as_deref())
        .collect();
    let places = place::candidates(&ann.entities, &speakers);
    let main_place = place::main_place(&places);

    let units = units(doc);
    let mut drafts: Vec<Draft> = Vec::new();
    let mut parents: Vec<Option<usize>> = Vec::new();
    for (si, unit) in units.iter().enumerate() {
        let figures: Vec<(usize, &Quantity)> = ann
            .quantities
            .iter()
            .enumerate()
            .filter(|(_, q)| is_candidate(q, unit.span, &ann.times))
            .collect();
        if figures.is_empty() {
            continue;
        }
        let text = unit.span.slice(&doc.text);
        let toks: Vec<Token> = tokenize(text)
            .into_iter()
            .map(|mut t| {
                t.start += unit.span.start;
                t.end += unit.span.start;
                t
            })
            .collect();
        let (figures, ranges): (Vec<(usize, &Quantity)>, Vec<FigureTokens>) = figures
            .into_iter()
            .map(|(qi, q)| {
                let a = token_at(&toks, q.span.start);
                let b = token_at(&toks, q.span.end).max(a);
                ((qi, q), (a, b, starts_subset(lex, &toks, a)))
            })
            .filter(|((_, q), (a, b, _))| {
                !listed_with_a_year(lex, &toks, &ann.quantities, q, *a)
                    && !elliptic_age(lex, &toks, &ann.quantities, q, (*a, *b))
                    && !refers_or_names(lex, &toks, q, *a, *b)
                    && !stands_alone(lex, &toks, q, *a, *b)
                    && !starts_compound_word(&doc.text, q.span)
                    && !glued_to_digits(&doc.text, q.span)
            })
            .unzip();
        // "dont cinq ont abouti, cinq ont échoué et 12 ont été déjoués": a bare figure with a
        // verb of its own, listed after a subset, is the next subset of the same whole.
        let mut ranges = ranges;
        for k in 1..ranges.len() {
            let (Some(&(_, _, listed_after_subset)), Some(&(a, b, subset))) =
                (ranges.get(k - 1), ranges.get(k))
            else {
                continue;
            };
            let joined = a
                .checked_sub(1)
                .and_then(|j| toks.get(j))
                .is_some_and(|t| t.key == "," || lex.verbs.coordinators.contains(&t.key));
            if listed_after_subset
                && !subset
                && joined
                && subject_of_verb_at(lex, &toks, b)
                && let Some(range) = ranges.get_mut(k)
            {
                range.2 = true;
            }
        }
        // A sentence that lists several bare numbers in parentheses ("Drames (5763)-
        // Biographies (3179)- …") is a table: its cells count no stated thing and no event.
        let cells: Vec<bool> = ranges
            .iter()
            .map(|&(a, b, _)| in_parentheses(&toks, a, b))
            .collect();
        let table = cells.iter().filter(|&&c| c).count() >= TABLE_CELLS;
        let (figures, ranges): (Vec<(usize, &Quantity)>, Vec<FigureTokens>) = figures
            .into_iter()
            .zip(ranges)
            .zip(cells)
            .filter(|(_, cell)| !(table && *cell))
            .map(|(pair, _)| pair)
            .unzip();
        let rate_bases: Vec<bool> = ranges
            .iter()
            .map(|&(a, b, _)| is_rate_base(lex, &toks, &ranges, (a, b)))
            .collect();
        let (figures, ranges): (Vec<(usize, &Quantity)>, Vec<FigureTokens>) = figures
            .into_iter()
            .zip(ranges)
            .zip(rate_bases)
            .filter(|(_, base)| !base)
            .map(|(pair, _)| pair)
            .unzip();
        if figures.is_empty() {
            continue;
        }
        // The word right after a number word that refers back is its noun, never a verb:
        // "hors des deux partis qui structurent".
        let referred_nouns: Vec<TokenRange> = ann
            .quantities
            .iter()
            .filter(|q| {
                unit.span.contains(q.span)
                    && !q.text.chars().any(|c| c.is_ascii_digit())
                    && !figures.iter().any(|(_, f)| f.span == q.span)
            })
            .map(|q| token_range(&toks, q.span))
            .filter(|&(a, _)| {
                a.checked_sub(1)
                    .and_then(|k| toks.get(k))
                    .is_some_and(|t| lex.referential_determiners.contains(&t.key))
            })
            .map(|(_, k)| k)
            .filter(|&k| toks.get(k).is_some_and(|t| t.is_word && !t.capitalized))
            .map(|k| (k, k + 1))
            .collect();
        let [
            not_predicates,
            penalties,
            one_of,
            predicates,
            cumulative,
            last_24h,
        ] = Entries::all_of(
            [
                &lex.not_predicates,
                &lex.penalties,
                &lex.one_of,
                &lex.predicates,
                &lex.cumulative,
                &lex.last_24h,
            ],
            &toks,
        );
        let predicate_hits: Vec<_> = predicates
            .into_iter()
            .filter(|h| {
                // "se retrouvent pour deux jours", "s'est ensuite retrouvé face à": they
                // meet, nothing is found.
                let reflexive = lex.not_reflexive.contains(&h.category)
                    && verbs::reflexive_before(&lex.verbs, &toks, h.start);
                !not_predicates
                    .iter()
                    .any(|n| h.start < n.end && n.start < h.end)
                    && !referred_nouns.iter().any(|&(k, _)| k == h.start)
                    && !verbs::participle_shaped_noun(lex, &toks, h.start)
                    && !reflexive
                    && !verbs::causative_at(&lex.verbs, &toks, h.end - 1)
            })
            .collect();
        let cues: Vec<(usize, usize)> = ann
            .speech
            .iter()
            .filter_map(|s| s.cue.as_ref())
            .filter(|c| unit.span.contains(c.span))
            .map(|c| token_range(&toks, c.span))
            .collect();
        let times: Vec<_> = ann
            .times
            .iter()
            .filter(|t| unit.span.contains(t.span))
            .collect();
        let anchor = paragraph_date(doc, unit, &times).or(reference);
        let markers = window::Markers {
            cumulative: !cumulative.is_empty(),
            last_24h: !last_24h.is_empty(),
        };
        let first_in_sentence = drafts.len();
        // The counted noun of every figure first: none of them can be another figure's
        // predicate ("960 accidents … avec 36 morts": "morts" is counted, not what happened
        // to the accidents).
        let mut counted_nouns: Vec<Option<counted::Found>> = figures
            .iter()
            .zip(&ranges)
            .enumerate()
            .map(|(k, ((_, q), &(a, b, _)))| {
                let floor = k
                    .checked_sub(1)
                    .and_then(|p| ranges.get(p))
                    .map_or(0, |r| r.1);
                counted::find(lex, &toks, q, (a, b), floor)
            })
            .collect();
        // "plus de 25 % des 47 millions d'électeurs se sont abstenus", "la fermeture de 9000
        // des 35 000 km du réseau": the figure after a share or a count and its "des" is the
        // whole the part is taken from; the event is the part's.
        let share_bases: Vec<bool> = (0..figures.len())
            .map(|k| {
                let Some(&(a, _, _)) = ranges.get(k) else {
                    return false;
                };
                k.checked_sub(1)
                    .and_then(|p| figures.get(p).zip(ranges.get(p)))
                    .is_some_and(|(_, &(_, end, _))| {
                        (end + 1 == a
                            && toks
                                .get(end)
                                .is_some_and(|t| lex.share_links.contains(&t.key)))
                            || counted::whole_of(lex, &toks, end, a)
                    })
            })
            .collect();
        // "Deux des trois immeubles", "Neuf des 12 logements": a part taken from a counted
        // whole counts what the whole counts, not the whole's number ("trois" here is no
        // figure of its own, so the sentence's numbers are read, not only its figures).
        for (k, &(_, b, _)) in ranges.iter().enumerate() {
            if !toks
                .get(b)
                .is_some_and(|t| lex.share_links.contains(&t.key))
            {
                continue;
            }
            let Some((whole, (x, y))) = ann
                .quantities
                .iter()
                .filter(|w| unit.span.contains(w.span))
                .map(|w| (w, token_range(&toks, w.span)))
                .find(|&(_, (x, _))| x == b + 1)
            else {
                continue;
            };
            let own = counted_nouns.get(k).and_then(Option::as_ref);
            let guessed = own.is_none_or(|f| {
                f.is_guess() || {
                    let (fx, fy) = token_range(&toks, f.span);
                    fx >= x && fy <= y
                }
            });
            if guessed
                && let Some(noun) = counted::find(lex, &toks, whole, (x, y), b)
                && let Some(slot) = counted_nouns.get_mut(k)
            {
                *slot = Some(counted::Found {
                    rule: counted::PART_OF_WHOLE,
                    ..noun
                });
            }
        }
        // An elliptic figure (no noun, no unit of its own) shares the noun of a figure
        // beside it; one that shares an earlier figure's noun shares its event too.
        let mut elliptic = vec![false; figures.len()];
        for k in 0..figures.len() {
            let Some(((_, q), &(a, b, subset))) = figures.get(k).zip(ranges.get(k)) else {
                continue;
            };
            let guessed = counted_nouns
                .get(k)
                .and_then(Option::as_ref)
                .is_none_or(counted::Found::is_guess);
            // "soit 1,5 fois plus": a ratio shares no noun.
            if subset || !guessed || counted::is_ratio(lex, &toks, b) {
                continue;
            }
            // "30 logements attribués à leurs bénéficiaires, et les 40 autres", "52 % de
            // ceux de gauche": the others are more of what the nearest earlier figure
            // counts, whatever stands between.
            let share = unit_is(q, Dimension::Ratio);
            if (q.unit.is_none() || share)
                && counted::is_other(lex, &toks, b)
                && let Some(noun) = counted_nouns
                    .get(..k)
                    .and_then(|earlier| earlier.iter().rev().flatten().next())
                    .cloned()
                    .or_else(|| {
                        // Only when the figure opens its sentence: "Une victime est dans
                        // un état grave et 11 autres" takes up a noun of its own sentence.
                        (counted_nouns.get(k).is_some_and(Option::is_none)
                            && opens_sentence(lex, &toks, a))
                        .then(|| counted_in_previous_sentence(&drafts, si))
                        .flatten()
                    })
                && let Some(slot) = counted_nouns.get_mut(k)
            {
                *slot = Some(counted::Found {
                    rule: counted::OTHER_THAN_EARLIER,
                    ..noun
                });
                continue;
            }
            // "pour 55 % des chauffeurs, c'est un premier emploi; 40 % étaient au chômage": a
            // share with no noun, subject of its own verb, counts what an earlier share of the
            // sentence counts; so does one right after a coordinator, which shares its event
            // too ("74 % des citoyens estiment qu'elle a été bénéfique à l'UE, et 64 % à leur
            // propre pays").
            let own_verb = subject_of_verb_at(lex, &toks, b);
            let word_before = a.checked_sub(1).and_then(|j| toks.get(j));
            // "devant Les Républicains (14 %)", "trois quarts des conducteurs restaient
            // mobilisés (74 % contre 77 % mardi)": opening a bracket.
            let coordinated = word_before.is_some_and(|t| {
                t.key == "," || t.key == "(" || lex.verbs.coordinators.contains(&t.key)
            });
            // "Sur les 1.200 citoyens interrogés, seuls 36 % ont dit": the whole named in the
            // phrase that opens the sentence is what a share of it counts.
            let whole = |p: usize| {
                ranges
                    .get(p)
                    .is_some_and(|&(x, _, _)| verbs::fronted_phrase(&lex.verbs, &toks, x))
            };
            // "il y avait davantage de contrôleurs (77 % contre 69 %)": a bracket right after a
            // noun gives that noun's share; the nouns of earlier shares are for brackets after a
            // name ("Les Républicains (14 %)").
            let bracket_after_noun = a.checked_sub(2).is_some_and(|n| {
                toks.get(n + 1).is_some_and(|t| t.key == "(")
                    && toks.get(n).is_some_and(|t| {
                        t.is_word
                            && !t.capitalized
                            && !lex.not_nouns.contains(&t.key)
                            && !lex.verbs.forms.get(&t.key).is_some_and(|c| c.only_verb())
                    })
                    // Not an adjective of a name ("La France insoumise (12,5 %)") nor a word of
                    // another figure ("Plus de la moitié (58 %)").
                    && !n
                        .checked_sub(1)
                        .and_then(|m| toks.get(m))
                        .is_some_and(|t| t.capitalized)
                    && !ranges.iter().any(|&(x, y, _)| (x..y).contains(&n))
            });
            if share && bracket_after_noun && counted_nouns.get(k).is_some_and(Option::is_none) {
                continue;
            }
            if share
                && counted_nouns.get(k).is_some_and(Option::is_none)
                && (own_verb || coordinated)
                && let Some(noun) = (0..k).rev().find_map(|p| {
                    figures.get(p).filter(|(_, e)| {
                        unit_is(e, Dimension::Ratio) || is_fraction(e) || whole(p)
                    })?;
                    counted_nouns
                        .get(p)?
                        .as_ref()
                        .filter(|f| !f.is_guess())
                        .cloned()
                })
            {
                let noun = counted::Found {
                    rule: "counted/elliptic-share-of-earlier-share",
                    ..noun
                };
                take_noun(&mut counted_nouns, &mut elliptic, k, noun, !own_verb);
                continue;
            }
            // "35 % de grévistes contre 48 %": a share shares a share's noun.
            let after_share = k
                .checked_sub(1)
                .and_then(|p| figures.get(p))
                .is_some_and(|(_, earlier)| unit_is(earlier, Dimension::Ratio));
            if q.unit.is_some() && !(share && after_share) {
                continue;
            }
            if let Some((noun, from_earlier)) =
                counted::shared(lex, &toks, &ranges, &counted_nouns, k)
            {
                take_noun(&mut counted_nouns, &mut elliptic, k, noun, from_earlier);
                continue;
            }
            // A bare count after a coordinator or a comma may be more of what the bare count
            // before it counts: "2.400 animaux seraient tués chaque minute, ou trois millions
            // chaque jour" (after a coordinator, with no verb of its own: it shares the event
            // past that count's verb); "132 opérations ont été achevées, 180 sont en cours de
            // réalisation" (subject of its own verb as the count before it is of its own: its
            // event is its own verb's).
            let elliptic_count =
                !own_verb && word_before.is_some_and(|t| lex.verbs.coordinators.contains(&t.key));
            let parallel_subject =
                own_verb && coordinated && word_before.is_some_and(|t| t.key != "(");
            if q.unit.is_none()
                && q.kind == QuantityKind::Count
                && counted_nouns.get(k).is_some_and(Option::is_none)
                && (elliptic_count || parallel_subject)
                && let Some((_, earlier)) = k.checked_sub(1).and_then(|p| figures.get(p))
                && earlier.unit.is_none()
                && earlier.kind == QuantityKind::Count
                && let Some(noun) = counted_nouns
                    .get(k - 1)
                    .and_then(Option::as_ref)
                    .filter(|f| !f.is_guess())
                    .filter(|f| {
                        elliptic_count
                            || subject_of_verb_at(lex, &toks, token_at(&toks, f.span.end))
                    })
                    .cloned()
            {
                let rule = if elliptic_count {
                    "counted/shared-with-earlier-figure"
                } else {
                    "counted/parallel-subject-of-earlier-count"
                };
                take_noun(
                    &mut counted_nouns,
                    &mut elliptic,
                    k,
                    counted::Found { rule, ..noun },
                    elliptic_count,
                );
                continue;
            }
            // "supprimer 7.500 emplois … pour en recréer 11.500", "gère 67 communes … qui en
            // compte 67": a count with no noun, object of a verb "en" stands before, counts
            // what the nearest count before it counts; its event is its own verb's.
            if q.unit.is_none()
                && counted_nouns.get(k).is_some_and(Option::is_none)
                && (a.saturating_sub(EN_REACH)..a).any(|j| {
                    toks.get(j)
                        .is_some_and(|t| lex.partitive_pronouns.contains(&t.key))
                        // Not a gerund's "en": "en prenant 39'' à ses rivaux".
                        && toks.get(j + 1..a).is_some_and(|w| {
                            w.first().is_some_and(|t| {
                                !lex.verbs
                                    .forms
                                    .get(&t.key)
                                    .is_some_and(|c| c.present_participle())
                            }) && w.iter().all(|t| {
                                lex.verbs.auxiliaries.contains(&t.key)
                                    || lex.verbs.forms.get(&t.key).is_some()
                            })
                        })
                })
                && let Some(noun) = (0..k).rev().find_map(|p| {
                    figures
                        .get(p)
                        .filter(|(_, e)| e.unit.is_none() && e.kind == QuantityKind::Count)?;
                    counted_nouns
                        .get(p)?
                        .as_ref()
                        .filter(|f| !f.is_guess())
                        .cloned()
                })
            {
                let noun = counted::Found {
                    rule: "counted/by-partitive-pronoun-en",
                    ..noun
                };
                take_noun(&mut counted_nouns, &mut elliptic, k, noun, false);
            }
        }
        let blocked: Vec<(usize, usize)> = counted_nouns
            .iter()
            .flatten()
            .map(|f| token_range(&toks, f.span))
            .collect();
        // Counted nouns and every number of the sentence ("trois", "mois") are never its
        // verbs, whatever their endings.
        let not_verbs: Vec<TokenRange> = blocked
            .iter()
            .copied()
            .chain(
                ann.quantities
                    .iter()
                    .filter(|q| unit.span.contains(q.span))
                    .map(|q| token_range(&toks, q.span)),
            )
            .collect();
        for (((((qi, q), &(a, b, subset)), found), shares_earlier), share_base) in figures
            .iter()
            .zip(&ranges)
            .zip(counted_nouns)
            .zip(elliptic)
            .zip(share_bases)
        {
            let mut rules = Vec::new();
            let counted_category = found.as_ref().map(|f| f.category.clone());
            let by_pronoun = found
                .as_ref()
                .is_some_and(|f| f.rule == counted::BY_PRONOUN);
            let counted_guessed = found.as_ref().is_none_or(counted::Found::is_guess);
            let mut counted = found.map(|f| {
                rules.push(rule_id(prefix, f.rule));
                Counted {
                    text: f.span.slice(&doc.text).to_owned(),
                    span: f.span,
                    category: f.category,
                }
            });
            // A distance that locates a place reports no event.
            // So does a penalty: "sous peine de 150 euros d'amende", and the size of a set
            // one member of which the sentence is about ("l'un des 5 blessés est en fuite").
            let locating = locates(lex, &toks, q, counted.as_ref(), (a, b))
                || penalties.iter().chain(&one_of).any(|h| h.end == a)
                || measures_a_thing(lex, &toks, (a, b))
                || share_base
                || parent_of(lex, &toks, a);
            // A duration is a claim only when the lexicon names its event ("réglée d'ici
            // deux ou trois jours"), not for any verb near it; so is a count of days or years
            // ("ses trois premières années").
            let duration =
                q.kind == QuantityKind::Duration || counted_category.as_deref() == Some("duration");
            // Where the figure's own words end, whatever its verb: the closing mark of its
            // quotation, "ce qui" taking up the whole clause, a relative clause about the
            // thing a measure sizes.
            let own_words_end = [
                quotation_end(lex, &toks, (a, b)),
                clause_taken_up(lex, &toks, b),
                measured_thing_relative(lex, &toks, q, (a, b)),
            ]
            .into_iter()
            .flatten()
            .min();
            // An auxiliary right after the figure (and its noun) opens the figure's own verb:
            // "120 sont aujourd'hui incarcérés".
            let after_noun = counted
                .as_ref()
                .filter(|c| c.span.start >= q.span.end && c.span.end > c.span.start)
                .map_or(b, |c| token_at(&toks, c.span.end));
            let auxiliary_next = toks
                .get(after_noun)
                .is_some_and(|t| lex.verbs.auxiliaries.contains(&t.key));
            // "70 CHF soit 61 euros", "avec 66,1 % des suffrages, soit plus de vingt
            // millions de voix": a figure restating the one just before it tells its event.
            let previous_end = ranges.iter().map(|r| r.1).filter(|&end| end < a).max();
            // The claim of the sentence's figure before this one, whose noun or event an
            // elliptic, restating, coordinated or listed figure may share.
            let earlier_draft = drafts.get(first_in_sentence..).and_then(<[Draft]>::last);
            // "323 000 personnes dans la rue, selon le ministère (500 000 selon la CGT)": a
            // count alone in brackets after another, with no verb between, is the same count
            // by another source.
            let bracketed_count = a
                .checked_sub(1)
                .and_then(|k| toks.get(k))
                .is_some_and(|t| t.key == "(")
                && (toks.get(b).is_some_and(|t| t.key == ")")
                    || lex.verbs.source_asides.at(&toks, b).is_some())
                && previous_end.is_some_and(|end| {
                    a - end <= 2 * RESTATEMENT_REACH
                        && toks.get(end..a - 1).is_some_and(|w| {
                            w.iter().all(|t| {
                                !t.is_quote_mark()
                                    && t.key != "("
                                    && !lex
                                        .verbs
                                        .forms
                                        .get(&t.key)
                                        .is_some_and(|c| c.finite() && c.only_verb())
                            })
                        })
                });
            let restated = earlier_draft.filter(|_| {
                (a.checked_sub(1)
                    .and_then(|k| toks.get(k))
                    .is_some_and(|t| lex.verbs.restatements.contains(&t.key))
                    && previous_end.is_some_and(|end| a - end <= RESTATEMENT_REACH))
                    || bracketed_count
            });
            let mut predicate = if locating || restated.is_some() {
                None
            } else if by_pronoun {
                // "ils étaient 200": a state, unless "à" and an infinitive tell what they did.
                infinitive_after_count(lex, &toks, b)
            } else {
                // Votes and tolls keep the event their noun implies ("rejeté par 123 voix"
                // is voted); a duration is no agent.
                let implied = counted_category
                    .as_ref()
                    .is_some_and(|c| lex.implied.contains_key(c));
                (!duration && !implied)
                    .then(|| agent_of_passive(lex, &toks, (a, b)))
                    .flatten()
                    .or_else(|| predicate::right_before(lex, &toks, a))
                    .or_else(|| {
                        // A duration's purpose is its deadline ("a donné 24 heures pour quitter
                        // le pays"): its clause does not end at its verb.
                        let own = (!duration)
                            .then(|| verbs::find(lex, &toks, (a, b), &ranges, &cues, &not_verbs))
                            .flatten();
                        let own_end = own
                            .as_ref()
                            .and_then(|own| own_clause_end(lex, &toks, (a, b), own));
                        // "et environ 700 autres se trouveraient encore": a verb of state after
                        // the figure has it as subject too.
                        // A participle ("les espèces vivant alors") is no such verb.
                        let state_after =
                            own.as_ref().is_some_and(|own| {
                                let (start, end) = token_range(&toks, own.span);
                                own.state
                                    && start >= b
                                    && end.checked_sub(1).and_then(|k| toks.get(k)).is_some_and(
                                        |t| lex.verbs.forms.get(&t.key).is_some_and(|c| c.finite()),
                                    )
                            });
                        // "où se trouvaient une cinquantaine de personnes, et a tué": the verb
                        // before an inverted subject ends its clause.
                        let inverted = inverted_subject(lex, &toks, a, &not_verbs).then_some(b);
                        // "sur les 72 tonnes exportées, 80 % sont partis en Chine": a
                        // figure in a phrase that opens the sentence has no event past the
                        // phrase's comma.
                        let fronted_end = verbs::fronted_phrase(&lex.verbs, &toks, a)
                            .then(|| {
                                (b..toks.len()).find(|&k| toks.get(k).is_some_and(|t| t.key == ","))
                            })
                            .flatten();
                        let clause_end = own_end
                            .into_iter()
                            .chain(own_words_end)
                            .chain(inverted)
                            .chain(fronted_end)
                            .min();
                        // A figure with its own verb after it is that verb's subject: an event
                        // before it is another subject's ("1550 citoyens sont partis …, et
                        // quelque 11 400 citoyens sont inscrits"; "Sur les 178 hommes revenus,
                        // 120 sont incarcérés"), but for the event its own noun implies and a
                        // verb taking it as object.
                        let own_verb_after =
                            own_end.is_some_and(|end| end > b) || auxiliary_next || state_after;
                        predicate::find(
                            lex,
                            &toks,
                            &predicate_hits,
                            (a, b),
                            &ranges,
                            &blocked,
                            counted_category.as_deref(),
                            clause_end,
                        )
                        .filter(|p| {
                            // A verb right before takes the figure as object, a few words apart
                            // at most and with no comma or coordinator between ("avoir secouru
                            // de son côté 33 migrants").
                            let object = || {
                                let end = token_at(&toks, p.span.end);
                                a.saturating_sub(end) <= OBJECT_GAP
                                    && toks.get(end..a).is_some_and(|w| {
                                        w.iter().all(|t| {
                                            t.is_word && !lex.verbs.coordinators.contains(&t.key)
                                        })
                                    })
                            };
                            // "a découvert une salle de 10 mètres": a verb before a thing
                            // and its size is the thing's, not the size's; but an area is
                            // what was done ("nettoyé une zone de 60 000 mètres carrés").
                            let area = unit_is(q, Dimension::Area);
                            let describing = p.span.start < q.span.start
                                && !area
                                && describes(lex, &toks, q, (a, b));
                            // A subset takes its parent's event past any clause.
                            let nearer_verb = !subset
                                && own.as_ref().is_some_and(|own| {
                                    opens_figure_clause(lex, &toks, own, p.span, (a, q.span))
                                });
                            !describing
                                && !nearer_verb
                                && (!own_verb_after
                                    || p.span.start >= q.span.end
                                    || counted_category
                                        .as_ref()
                                        .and_then(|c| lex.implied.get(c))
                                        .is_some_and(|v| v == &p.category)
                                    || object())
                        })
                    })
            }
            .map(|p| {
                rules.push(rule_id(prefix, p.rule));
                Predicate {
                    text: p.span.slice(&doc.text).to_owned(),
                    span: p.span,
                    category: p.category,
                    modality: p.modality,
                }
            });
            if let Some(earlier) = restated.filter(|_| !locating) {
                rules.push(rule_id(prefix, "predicate/restates-earlier-figure"));
                predicate = earlier.predicate.clone();
            }
            // "une personne a été tuée et 39 blessées": a toll's noun tells its own event
            // before another toll word of the sentence; so it does after a colon ("attaque le
            // consulat de Marseille : 4 morts"), whatever verb stands before.
            let colon_between = |p: &Predicate| {
                toks.get(token_at(&toks, p.span.end)..a)
                    .is_some_and(|w| w.iter().any(|t| t.key == ":"))
            };
            if let Some(c) = &counted
                && let Some(implied) = lex.implied.get(&c.category)
                && let Some(p) = predicate.as_mut()
                && p.span.end <= q.span.start
                && &p.category != implied
                && (lex.implied.values().any(|v| v == &p.category) || colon_between(p))
                && lex.processes.contains(implied)
            {
                rules.push(rule_id(prefix, "predicate/implied-by-counted"));
                *p = Predicate {
                    text: c.text.clone(),
                    span: c.span,
                    category: implied.clone(),
                    modality: p.modality,
                };
            }
            // "avait fait 12 morts et 48 blessés": the verb only carries the toll, each
            // noun tells its own event, whatever verb of another clause stands nearer.
            if let Some(c) = &counted
                && let Some(implied) = lex.implied.get(&c.category)
                && predicate.as_ref().is_none_or(|p| &p.category != implied)
                && let Some(carrier) = toll_carrier(lex, &toks, a, &ranges, &blocked)
                && let Some(verb) = toks.get(carrier)
            {
                rules.push(rule_id(prefix, "predicate/toll-noun-after-carrier"));
                predicate = Some(Predicate {
                    text: Span::new(verb.start, verb.end).slice(&doc.text).to_owned(),
                    span: Span::new(verb.start, verb.end),
                    category: implied.clone(),
                    modality: predicate::modality(lex, &toks, carrier.saturating_sub(6), b),
                });
            }
            // "(il en reste 87 000)": a conjugated verb right before the figure is its own,
            // even a verb of state, so the earlier figure's event is not; so is one right
            // after it ("… à se sentir appréciés et 82 % déclarent").
            let conjugated_at = |k: Option<usize>| {
                k.and_then(|k| toks.get(k)).is_some_and(|t| {
                    t.is_word
                        && !lex.ellipsis_links.contains(&t.key)
                        && lex.verbs.forms.get(&t.key).is_some_and(|c| c.finite())
                })
            };
            // "Il a perçu 177,4 millions € en 2015, 188,4 millions € en 2016 et 194,5 millions
            // € en 2017": an amount listed after one in the same unit, with no verb between,
            // shares its event.
            let listed_amount = q.unit.as_ref().is_some_and(|u| {
                earlier_draft
                    .and_then(|e| ann.quantities.get(e.quantity))
                    .filter(|e| e.unit.as_ref().is_some_and(|eu| eu.id == u.id))
                    .is_some_and(|e| {
                        let (_, end) = token_range(&toks, e.span);
                        let joined = a.checked_sub(1).and_then(|k| toks.get(k)).is_some_and(|t| {
                            t.key == "," || lex.verbs.coordinators.contains(&t.key)
                        });
                        joined
                            && toks.get(end..a).is_some_and(|between| {
                                between.len() <= lex.ellipsis_reach
                                    && between.iter().all(|t| {
                                        t.key != "("
                                            && !lex.verbs.auxiliaries.contains(&t.key)
                                            && !lex
                                                .verbs
                                                .forms
                                                .get(&t.key)
                                                .is_some_and(|c| c.finite())
                                    })
                            })
                    })
            });
            if predicate.is_none()
                && (shares_earlier || listed_amount)
                && !auxiliary_next
                && !conjugated_at(a.checked_sub(1))
                && !conjugated_at(Some(after_noun))
                && let Some(earlier) = earlier_draft
                && let Some(p) = &earlier.predicate
            {
                rules.push(rule_id(prefix, "predicate/shared-with-earlier-figure"));
                predicate = Some(p.clone());
            }
            // "Seuls quatre députés ont été élus au premier tour : deux pour LREM, …": the
            // breakdown after a colon of what was counted before it shares its event.
            if predicate.is_none()
                && !subset
                && a.checked_sub(1)
                    .and_then(|k| toks.get(k))
                    .is_some_and(|t| t.key == ":")
                && let Some(c) = &counted
                && let Some(earlier) = earlier_draft
                && earlier.counted.as_ref().is_some_and(|e| e.span == c.span)
                && let Some(p) = &earlier.predicate
            {
                rules.push(rule_id(prefix, "predicate/breakdown-after-colon"));
                predicate = Some(p.clone());
            }
            // "seuls 52 % des Wallons voteraient …: 46 % pour les régionales, 45 % pour les
            // législatives et 42 % pour les européennes": a share with no noun right after a
            // colon breaks down the share before it, so counts what that one counts and
            // shares its event; so does each next item of the breakdown.
            let joined = a.checked_sub(1).and_then(|k| toks.get(k)).is_some_and(|t| {
                t.key == ":"
                    || ((t.key == "," || lex.verbs.coordinators.contains(&t.key))
                        && earlier_draft
                            .is_some_and(|e| e.rules.iter().any(|r| r.ends_with(BREAKDOWN_SHARE))))
            });
            // So do bare counts: "la construction de 4 nouveaux réacteurs : deux vers 2034 puis
            // deux autres vers 2040".
            let same_kind = |e: &Quantity| {
                (unit_is(q, Dimension::Ratio) && unit_is(e, Dimension::Ratio))
                    || (q.unit.is_none()
                        && e.unit.is_none()
                        && q.kind == QuantityKind::Count
                        && e.kind == QuantityKind::Count)
            };
            if counted.is_none()
                && !subset
                && joined
                && let Some(earlier) = earlier_draft
                && let Some(c) = &earlier.counted
                && ann.quantities.get(earlier.quantity).is_some_and(same_kind)
            {
                rules.push(rule_id(prefix, BREAKDOWN_SHARE));
                counted = Some(c.clone());
                if predicate.is_none() && earlier.predicate.is_some() {
                    rules.push(rule_id(prefix, "predicate/shared-with-earlier-figure"));
                    predicate = earlier.predicate.clone();
                }
            }
            if predicate.is_none()
                && let Some(c) = &counted
                && let Some(category) = lex.implied.get(&c.category)
            {
                rules.push(rule_id(prefix, "predicate/implied-by-counted"));
                predicate = Some(Predicate {
                    text: c.text.clone(),
                    span: c.span,
                    category: category.clone(),
                    modality: Modality::Done,
                });
            }
            // Not for an amount with a unit other than a share: "a voté la création d'une
            // amende de 200 euros" counts no votes ("votée à 82 %" does).
            if counted.is_none()
                && (q.unit.is_none() || unit_is(q, Dimension::Ratio))
                && let Some(p) = &predicate
                && let Some(category) = lex.counted_by_predicate.get(&p.category)
            {
                rules.push(rule_id(prefix, "counted/implied-by-predicate"));
                counted = Some(Counted {
                    text: String::new(),
                    span: Span::new(q.span.end, q.span.end),
                    category: category.clone(),
                });
            }
            // A time given for a purpose is a deadline: "donné 24 heures pour quitter le
            // pays" plans the leaving, it does not report it.
            if duration
                && let Some(p) = predicate.as_mut()
                && p.modality == Modality::Done
                && verbs::purpose_before(lex, &toks, b, token_at(&toks, p.span.start))
            {
                rules.push(rule_id(prefix, "predicate/purpose-of-a-deadline"));
                p.modality = Modality::Planned;
            }
            // "décédé une quinzaine de jours plus tard": the duration dates the event.
            // "ses 25 années d'expérience": a quality of someone, no event.
            let offset = duration
                && (lex.time_offsets.at(&toks, after_noun).is_some()
                    || lex.duration_attributes.at(&toks, after_noun).is_some());
            if duration && (predicate.is_none() || offset) {
                continue;
            }
            if predicate.is_none()
                && !locating
                && !by_pronoun
                && restated.is_none()
                && !describes(lex, &toks, q, (a, b))
            {
                predicate = other_event(
                    lex,
                    &toks,
                    (a, b),
                    (&ranges, &cues, &not_verbs),
                    counted.as_ref(),
                    &doc.text,
                )
                .filter(|(p, _)| {
                    own_words_end
                        .and_then(|end| toks.get(end))
                        .is_none_or(|t| p.span.start < t.start)
                })
                .map(|(p, rule)| {
                    rules.push(rule_id(prefix, rule));
                    p
                });
            }
            // "aurait arrêté une liste de 27 délégués et de 5 membres": a figure joined by a
            // coordinator to the one before it, whose verb stands before both, is that
            // verb's too (not measures: "d'une capacité de 10 et 7,5 tonnes").
            if predicate.is_none()
                && !subset
                && q.unit.is_none()
                && let Some(earlier) = earlier_draft
                && let Some(p) = &earlier.predicate
                && let Some(earlier_q) = ann.quantities.get(earlier.quantity)
                && p.span.end <= earlier_q.span.start
                && coordinated_object(lex, &toks, earlier, earlier_q, a)
            {
                rules.push(rule_id(prefix, "predicate/shared-with-coordinated-object"));
                predicate = Some(p.clone());
            }
            // "933 km pour se retrouver à la Commission": what a figure is for is not what
            // it says happened (a duration's purpose is its deadline, read above), unless
            // it counts those who act ("des habitants … afin d'évacuer la ville").
            if !duration
                && !counted
                    .as_ref()
                    .is_some_and(|c| lex.acting_categories.contains(&c.category))
                && predicate.as_ref().is_some_and(|p| {
                    p.span.start >= q.span.end
                        && verbs::purpose_before(lex, &toks, b, token_at(&toks, p.span.start))
                })
            {
                rules.push(rule_id(prefix, "predicate/purpose-is-no-event"));
                predicate = None;
            }
            // "neuf djihadistes ont tué 130 personnes": the figure counts who did it.
            if let Some(p) = predicate.as_mut()
                && p.span.start >= q.span.end
                && p.category != "other"
                && predicate::active_voice(lex, &toks, token_range(&toks, p.span))
            {
                rules.push(rule_id(prefix, "predicate/agent-of-active-verb"));
                p.category = "other".to_owned();
            }
            // An event told in the future is planned ("accueillera 5 000 visiteurs"), one
            // told in the conditional supposed ("entraînerait 27 kilomètres d'embouteillages").
            if let Some(p) = predicate.as_mut()
                && p.modality == Modality::Done
                && let Some(modality) = toks
                    .iter()
                    .filter(|t| t.start >= p.span.start && t.end <= p.span.end)
                    .find_map(|t| predicate::tense_modality(lex, &t.key))
            {
                rules.push(rule_id(prefix, "predicate/tense"));
                p.modality = modality;
            }
            // "Le projet prévoit … pour le ramener à 404 députés": an infinitive of purpose
            // before the figure tells what is meant to happen; not a past one, which tells a
            // cause ("condamné pour avoir logé deux djihadistes").
            if let Some(p) = predicate.as_mut()
                && p.modality == Modality::Done
                && p.span.end <= q.span.start
                && let start = token_at(&toks, p.span.start)
                && toks.get(start).is_some_and(|t| {
                    lex.verbs.forms.get(&t.key).is_some_and(|c| c.infinitive())
                        && !lex.verbs.auxiliaries.contains(&t.key)
                })
                && verbs::purpose_before(lex, &toks, start.saturating_sub(4), start)
            {
                rules.push(rule_id(prefix, "predicate/purpose-is-planned"));
                p.modality = Modality::Planned;
            }
            // "n'ont jamais été retrouvés": the event is denied, whatever its tense.
            if let Some(p) = predicate.as_mut()
                && p.span.start != p.span.end
                && predicate::negated(lex, &toks, token_range(&toks, p.span))
            {
                rules.push(rule_id(prefix, "predicate/negated"));
                p.modality = Modality::Negated;
            }
            let process = predicate.as_ref().is_some_and(|p| {
                p.modality == Modality::Done && lex.processes.contains(&p.category)
            });
            let (time, rule) = window::find(&times, anchor, &markers, q.span, process);
            rules.push(rule_id(prefix, rule));
            let parent = if subset || is_fraction(q) {
                find_parent(
                    lex,
                    &drafts,
                    first_in_sentence,
                    (counted.as_ref(), counted_guessed),
                    &units,
                    unit,
                    &ann.quantities,
                    q,
                )
            } else {
                None
            };
            // "815,5 millions d'euros en 2018, contre 823,2 en 2017 et 830,7 en 2016": a bare
            // number listed after a figure with a unit, with nothing counted of its own, is in
            // that unit and at its scale (the nearest power of a thousand between them).
            let bare = counted.is_none() && bare_number(q);
            let from_earlier = earlier_draft
                .map(|e| e.unit_from.map_or(e.quantity, |(k, _)| k))
                .filter(|_| bare)
                .and_then(|k| {
                    let earlier = ann.quantities.get(k)?;
                    earlier.unit.as_ref()?;
                    let (_, end) = token_range(&toks, earlier.span);
                    let between = toks.get(end..a)?;
                    // Not into brackets: "votée à 82 % (74 pour, 11 abstentions)".
                    let linked = between
                        .iter()
                        .any(|t| t.key != "(" && lex.ellipsis_links.contains(&t.key))
                        && !between.iter().any(|t| t.key == "(");
                    let verb = between.iter().any(|t| {
                        t.is_word
                            && !lex.ellipsis_links.contains(&t.key)
                            && lex.verbs.forms.get(&t.key).is_some_and(|c| c.finite())
                    });
                    (linked && !verb && between.len() <= lex.ellipsis_reach).then_some(())?;
                    let ratio = earlier.best? / q.best?;
                    let scale = [1.0, 1e3, 1e6, 1e9, 1e12].into_iter().min_by(|x, y| {
                        (ratio / x)
                            .log10()
                            .abs()
                            .total_cmp(&(ratio / y).log10().abs())
                    })?;
                    ((ratio / scale).log10().abs() < 1.0).then_some((k, scale))
                });
            // "passeront de 170 et 380 euros": a bare number joined by one word to the next
            // figure, of the same size and with a unit, is in that unit.
            let from_next = || {
                let joined = toks
                    .get(b)
                    .is_some_and(|t| lex.ellipsis_joins.contains(&t.key));
                if !(bare && joined) {
                    return None;
                }
                let &(k, next) = figures
                    .iter()
                    .zip(&ranges)
                    .find(|(_, r)| r.0 == b + 1)
                    .map(|(f, _)| f)?;
                next.unit.as_ref()?;
                // Both numbers as written, with no scale word: "de 170 et 380 euros".
                let ratio = next.best? / q.best?;
                (next.text.chars().next()?.is_ascii_digit() && (0.1..10.0).contains(&ratio))
                    .then_some((k, 1.0))
            };
            let unit_from = match from_earlier {
                Some(found) => {
                    rules.push(rule_id(prefix, "figure/unit-shared-with-earlier-figure"));
                    Some(found)
                }
                None => from_next().inspect(|_| {
                    rules.push(rule_id(prefix, "figure/unit-shared-with-next-figure"));
                }),
            };
            let own_verb = subject_of_verb_at(lex, &toks, after_noun)
                && !toks
                    .get(after_noun)
                    .is_some_and(|t| lex.verbs.copulas_before_de.contains(&t.key));
            drafts.push(Draft {
                quantity: *qi,
                unit_from,
                unit: si,
                subset,
                own_verb,
                counted,
                predicate,
                time,
                rules,
            });
            parents.push(parent);
        }
        let sentence_drafts = drafts.get_mut(first_in_sentence..).unwrap_or_default();
        share_with_next_figure(lex, prefix, &toks, &ann.quantities, sentence_drafts);
    }
    inherit_from_parents(prefix, &mut drafts, &parents);

    let mut claims = Vec::with_capacity(drafts.len());
    // The unit and attribution of the last claim a source stands behind, for carry-over.
    let mut last_attributed: Option<(usize, recoupe_model::claim::Attribution)> = None;
    for (i, d) in drafts.into_iter().enumerate() {
        let Some(q) = ann.quantities.get(d.quantity) else {
            continue;
        };
        let Some(unit) = units.get(d.unit) else {
            continue;
        };
        let mut rules = d.rules;
        let place = match place::in_sentence(&places, unit.span, q.span) {
            Some(p) => {
                rules.push(rule_id(prefix, "place/in-sentence"));
                Some(p)
            }
            None => main_place.clone().inspect(|_| {
                rules.push(rule_id(prefix, "place/document-main"));
            }),
        };
        let (attribution, rule) = if unit.removed_headline {
            attribution::headline(lex, &ann.entities, unit.span.slice(&doc.text), outlet)
        } else {
            let paragraph_start = unit
                .paragraph
                .and_then(|p| doc.paragraphs.get(p))
                .map_or(unit.span.start, |p| p.span.start);
            let previous = d.unit.checked_sub(1).filter(|&k| {
                units
                    .get(k)
                    .is_some_and(|u| !u.removed_headline && u.paragraph == unit.paragraph)
            });
            let previous_sentence_start = previous
                .and_then(|k| units.get(k))
                .map_or(unit.span.start, |u| u.span.start);
            let chained = last_attributed
                .as_ref()
                .filter(|(k, _)| Some(*k) == previous)
                .map(|(_, a)| a);
            attribution::find(
                lex,
                &ann.speech,
                &ann.entities,
                q.span,
                unit.span,
                unit.span.slice(&doc.text),
                paragraph_start,
                previous_sentence_start,
                chained,
                is_headline(doc, unit, q.span),
                outlet,
            )
        };
        if !attribution.unattributed && attribution.how != AttributionHow::Headline {
            last_attributed = Some((d.unit, attribution.clone()));
        }
        rules.push(rule_id(prefix, rule));
        let part_of = parents.get(i).copied().flatten();
        if part_of.is_some() {
            let how = if d.subset { "marker" } else { "fraction" };
            rules.push(format!("{prefix}part-of/{how}"));
        }
        let confidence = confidence(&d.counted, &d.predicate, attribution.unattributed);
        let mut figure = figure(q);
        if let Some((k, scale)) = d.unit_from
            && let Some(earlier) = ann.quantities.get(k)
        {
            figure.unit = earlier.unit.as_ref().map(|u| u.id.clone());
            for v in [
                &mut figure.value,
                &mut figure.best,
                &mut figure.low,
                &mut figure.high,
            ] {
                *v = v.map(|x| x * scale);
            }
        }
        claims.push(Claim {
            figure,
            counted: d.counted,
            predicate: d.predicate,
            time: d.time,
            place,
            part_of,
            attribution,
            outlet: outlet.map(str::to_owned),
            date: reference,
            evidence: unit.span,
            quantity: d.quantity,
            rules,
            confidence,
        });
    }
    carry_windows_over(&mut claims, doc);
    claims
}

/// The infinitive after "à" that tells what the people a figure counts did: "ils étaient
/// 200 à manifester"; its category from the lexicon, else "other".
fn infinitive_after_count(lex: &Lexicon, toks: &[Token], b: usize) -> Option<predicate::Found> {
    let marker = toks.get(b)?;
    // A reflexive infinitive keeps its clitic: "ils sont 88 % à se sentir appréciés".
    let clitic = toks
        .get(b + 1)
        .filter(|t| lex.verbs.reflexives.contains(&t.key));
    let v = if clitic.is_some() { b + 2 } else { b + 1 };
    let verb = toks.get(v)?;
    if !lex.verbs.infinitive_markers.contains(&marker.key)
        || !lex
            .verbs
            .forms
            .get(&verb.key)
            .is_some_and(|c| c.infinitive())
    {
        return None;
    }
    let category = lex
        .predicates
        .at(toks, v)
        .map(|h| h.category)
        .or_else(|| {
            lex.verb_infinitives
                .category_of(&lex.verbs.forms, &verb.key)
                .map(str::to_owned)
        })
        .unwrap_or_else(|| "other".to_owned());
    Some(predicate::Found {
        span: Span::new(clitic.unwrap_or(verb).start, verb.end),
        category,
        modality: predicate::modality(lex, toks, b.saturating_sub(6), v + 1),
        rule: "predicate/infinitive-after-count",
    })
}

/// How many tokens before a figure its toll's carrier verb may stand.
const CARRIER_REACH: usize = 12;

/// The token of a verb that carries the toll the figure at token `a` belongs to ("a fait au
/// moins 11 morts", "avait fait 12 morts et 48 blessés"): read back over the toll's other
/// figures and nouns, commas and coordinators only.
fn toll_carrier(
    lex: &Lexicon,
    toks: &[Token],
    a: usize,
    figures: &[FigureTokens],
    nouns: &[TokenRange],
) -> Option<usize> {
    let inside = |i: usize| {
        figures.iter().any(|&(x, y, _)| (x..y).contains(&i))
            || nouns.iter().any(|&(x, y)| (x..y).contains(&i))
    };
    let mut i = a;
    while i > 0 && a - i < CARRIER_REACH {
        i -= 1;
        let t = toks.get(i)?;
        if lex.verbs.forms.is_form_of(&t.key, &lex.casualty_carriers) {
            return Some(i);
        }
        let joins = t.key == "," || lex.verbs.coordinators.contains(&t.key);
        if !(joins || inside(i)) {
            return None;
        }
    }
    None
}

/// The event of a figure the predicate lexicon does not name: the verb of its clause, else a
/// participle right after its counted noun. None when the clause's verb is one of state.
fn other_event(
    lex: &Lexicon,
    toks: &[Token],
    (a, b): (usize, usize),
    (figures, cues, nouns): (&[FigureTokens], &[TokenRange], &[TokenRange]),
    counted: Option<&Counted>,
    text: &str,
) -> Option<(Predicate, &'static str)> {
    let found = verbs::find(lex, toks, (a, b), figures, cues, nouns).or_else(|| {
        let after_noun = counted
            .filter(|c| c.span.end > c.span.start)
            .map_or(b, |c| token_at(toks, c.span.end));
        verbs::participle_after_noun(lex, toks, after_noun)
    })?;
    if found.state {
        return None;
    }
    let start = token_at(toks, found.span.start);
    let end = token_at(toks, found.span.end).max(start + 1);
    // Before the figure, or after it set off by a comma ("…, a décidé la cour"), a verb of
    // telling is the teller's; right after the figure it is what the figure's people said
    // ("58 % disent").
    let incise = start
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| t.key == ",");
    if (start < a || incise)
        && toks.get(end - 1).is_some_and(|t| {
            lex.verbs
                .forms
                .is_form_of(&t.key, &lex.verbs.reporting_infinitives)
        })
    {
        return None;
    }
    let lo = a.min(start).saturating_sub(6);
    let verb = found.span.slice(text);
    // A reflexive form has another sense: "s'arrêter" stops, it arrests no one; the clitic
    // may stand right before the verb found ("se [sont retrouvés]").
    let reflexive = [Some(start), start.checked_sub(1)]
        .into_iter()
        .flatten()
        .filter_map(|k| toks.get(k))
        .any(|t| lex.verbs.reflexives.contains(&t.key));
    // "a arrêté une liste de 27 délégués": the verb's phrase tells no event of the lexicon.
    let phrase_without_event = (start.saturating_sub(2)..end).any(|k| {
        lex.not_predicates
            .at(toks, k)
            .is_some_and(|h| h.start < end && end <= h.end)
    });
    let category = lex
        .gerund_category
        .get(&verb.to_lowercase())
        .map(String::as_str)
        .or_else(|| {
            let last = toks
                .get(end - 1)
                .filter(|_| !reflexive && !phrase_without_event)?;
            lex.verb_infinitives
                .category_of(&lex.verbs.forms, &last.key)
        })
        .unwrap_or("other");
    let predicate = Predicate {
        text: verb.to_owned(),
        span: found.span,
        category: category.to_owned(),
        modality: predicate::modality(lex, toks, lo, b.max(end)),
    };
    Some((predicate, found.rule))
}

/// The date a sentence without a date of its own is told from: the last date given earlier
/// in its paragraph ("Mercredi, le Centre avait livré ses chiffres. Selon le Centre, … au
/// cours des dernières 24 heures": the 24 hours end on Wednesday, not on the day of
/// publication). None when the sentence gives a date or the paragraph none before it.
fn paragraph_date(
    doc: &Document,
    unit: &Unit,
    in_sentence: &[&recoupe_model::time::TimeExpression],
) -> Option<chrono::NaiveDate> {
    use recoupe_model::time::TimeKind;
    let dated = |t: &recoupe_model::time::TimeExpression| {
        matches!(t.kind, TimeKind::Date | TimeKind::Relative) && t.resolved.is_some()
    };
    if in_sentence.iter().any(|t| dated(t)) {
        return None;
    }
    let paragraph = doc.paragraphs.get(unit.paragraph?)?;
    doc.annotations
        .times
        .iter()
        .filter(|t| dated(t))
        .filter(|t| t.span.start >= paragraph.span.start && t.span.end <= unit.span.start)
        .max_by_key(|t| t.span.end)
        .and_then(|t| t.resolved.as_ref())
        .map(|r| r.end)
}

/// A done count with no window of its own that continues, in the same paragraph, the report
/// of a source whose previous figure has a bounded window (the last 24 hours, per day) shares
/// that window: "Au cours des dernières 24 heures, … a indiqué le Centre. L'organisation a
/// ajouté que 366 militants avaient en parallèle déposé les armes."
fn carry_windows_over(claims: &mut [Claim], doc: &Document) {
    let paragraph = |span: Span| doc.paragraphs.iter().position(|p| p.span.contains(span));
    for i in 1..claims.len() {
        let (head, tail) = claims.split_at_mut(i);
        let (Some(claim), Some(previous)) = (tail.first_mut(), head.last()) else {
            continue;
        };
        let open = claim
            .rules
            .iter()
            .any(|r| r.ends_with("window/unstated-process"));
        let bounded = matches!(
            previous.time.kind,
            WindowKind::Last24h | WindowKind::Last | WindowKind::PerDay
        );
        let a = &claim.attribution;
        let b = &previous.attribution;
        let same_source = !a.unattributed
            && !b.unattributed
            && a.speaker == b.speaker
            && a.organisation == b.organisation;
        let same_paragraph = paragraph(claim.evidence).is_some()
            && paragraph(claim.evidence) == paragraph(previous.evidence);
        if open && bounded && same_source && same_paragraph {
            claim.time = previous.time.clone();
            for r in &mut claim.rules {
                if r.ends_with("window/unstated-process") {
                    *r = r.replace("window/unstated-process", "window/carried-over-in-report");
                }
            }
        }
    }
}

/// The sentences of the document and its removed headline lines, in text order.
fn units(doc: &Document) -> Vec<Unit> {
    let mut units: Vec<Unit> = doc
        .sentences
        .iter()
        .map(|s| Unit {
            span: s.span,
            paragraph: Some(s.paragraph),
            removed_headline: false,
        })
        .collect();
    units.extend(
        doc.removed
            .iter()
            .filter(|r| HEADLINE_REMOVALS.contains(&r.kind.as_str()))
            .map(|r| Unit {
                span: trim_span(&doc.text, r.span),
                paragraph: None,
                removed_headline: true,
            }),
    );
    units.sort_by_key(|u| (u.span.start, u.span.end));
    units
}

/// `span` without its leading and trailing white space (a removed line keeps its newline).
fn trim_span(text: &str, span: Span) -> Span {
    let Some(slice) = text.get(span.start..span.end) else {
        return span;
    };
    let start = span.start + (slice.len() - slice.trim_start().len());
    let end = span.start + slice.trim_end().len();
    Span::new(start, end.max(start))
}

/// A figure of this sentence or headline that can be a claim.
fn is_candidate(q: &Quantity, unit: Span, times: &[recoupe_model::time::TimeExpression]) -> bool {
    q.is_figure
        && q.kind != QuantityKind::Age
        && unit.contains(q.span)
        && !window::inside_time(times, q.span)
}

/// The token where the clause of the figure at tokens `[a, b)` ends, past its own verb `own`
/// (found by [`verbs::find`]): a
/// predicate of the lexicon after that tells another clause's event ("250 Français
/// combattraient en Syrie et une vingtaine y seraient morts"). The own verb is the first
/// finite verb after the figure, not in a relative clause nor an infinitive ("soupçonnés
/// d'avoir pris part"), with the infinitive that follows it ("ont pu quitter"); or the verb
/// that takes the figure as object right before it, and then the clause ends with the figure.
/// A verb of state ends nothing: it may take an event noun ("figurent parmi les victimes").
fn own_clause_end(
    lex: &Lexicon,
    toks: &[Token],
    (a, b): (usize, usize),
    own: &verbs::Found,
) -> Option<usize> {
    if own.state {
        return None;
    }
    let (start, end) = token_range(toks, own.span);
    if start < b {
        return (end >= a).then_some(b);
    }
    let relative = toks.get(b..=start).is_some_and(|w| {
        w.iter()
            .any(|t| lex.relatives.contains(&t.key) || lex.verbs.complementizers.contains(&t.key))
    });
    let infinitive = start
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| lex.verbs.infinitive_markers.contains(&t.key));
    // The infinitive after the verb is the clause's too ("ont pu quitter"), with its
    // participle when it is an auxiliary ("ont dû être évacuées").
    let auxiliary_infinitive = toks
        .get(end)
        .is_some_and(|t| lex.verbs.auxiliaries.contains(&t.key));
    // So is a participle coordinated to it, which shares its auxiliary: "ont été
    // réceptionnées et distribuées", "étaient pourchassés et massacrés".
    let coordinated_participle = toks
        .get(end)
        .is_some_and(|t| lex.verbs.coordinators.contains(&t.key))
        && toks.get(end + 1).is_some_and(|t| {
            lex.verbs
                .forms
                .get(&t.key)
                .is_some_and(|c| c.past_participle())
        });
    let reach = if auxiliary_infinitive || coordinated_participle {
        end + 2
    } else {
        end + 1
    };
    (CLAUSE_VERB_RULES.contains(&own.rule) && !relative && !infinitive).then_some(reach)
}

/// "une opération très suivie par 220 vétérinaires": the figure after a participle and its
/// "par" is who did it, whatever lexicon verb stands elsewhere in the sentence.
fn agent_of_passive(
    lex: &Lexicon,
    toks: &[Token],
    (a, b): (usize, usize),
) -> Option<predicate::Found> {
    let found = verbs::passive_agent(lex, toks, a.checked_sub(1)?).filter(|f| !f.state)?;
    let start = token_at(toks, found.span.start);
    // "s'est soldée par 10 000 véhicules incendiés": a reflexive verb's "par" leads to what
    // it amounts to, no agent.
    let reflexive = (start.saturating_sub(2)..start)
        .filter_map(|k| toks.get(k))
        .any(|t| lex.verbs.reflexives.contains(&t.key));
    if reflexive {
        return None;
    }
    Some(predicate::Found {
        span: found.span,
        category: "other".to_owned(),
        modality: predicate::modality(lex, toks, start.saturating_sub(6), b),
        rule: found.rule,
    })
}

/// Whether the figure starting at token `a` is joined to the `earlier` claim's figure (or its
/// counted noun) by a coordinator alone, with commas and "de" around it: "27 délégués et de 5
/// membres", "12 écoles, et 3 hôpitaux".
fn coordinated_object(
    lex: &Lexicon,
    toks: &[Token],
    earlier: &Draft,
    earlier_q: &Quantity,
    a: usize,
) -> bool {
    let end = earlier
        .counted
        .as_ref()
        .map_or(earlier_q.span.end, |c| c.span.end.max(earlier_q.span.end));
    let from = token_at(toks, end);
    let Some(between) = toks.get(from..a) else {
        return false;
    };
    let mut coordinated = false;
    for t in between {
        if lex.verbs.coordinators.contains(&t.key) {
            coordinated = true;
        } else if t.key != "," && !lex.noun_links.contains(&t.key) {
            return false;
        }
    }
    coordinated
}

/// Whether only linking words ("Et", "Mais", "Quelque") stand before token `a`.
/// "mère de 4 enfants", "le père de deux victimes": whether the figure starting at token `a`
/// follows a parent's noun and its "de", so describes the parent and reports no event.
fn parent_of(lex: &Lexicon, toks: &[Token], a: usize) -> bool {
    let word = |k: usize| a.checked_sub(k).and_then(|k| toks.get(k));
    word(1).is_some_and(|t| lex.verbs.copula_links.contains(&t.key))
        && word(2).is_some_and(|t| lex.parent_heads.contains(&t.key))
}

/// Gives figure `k` the noun it shares with another figure; with `shares_event`, it shares
/// that figure's event too.
fn take_noun(
    nouns: &mut [Option<counted::Found>],
    elliptic: &mut [bool],
    k: usize,
    noun: counted::Found,
    shares_event: bool,
) {
    if let Some(slot) = nouns.get_mut(k) {
        *slot = Some(noun);
    }
    if let Some(flag) = elliptic.get_mut(k) {
        *flag = shares_event;
    }
}

/// Most tokens from "en" to a figure it stands for: "en", an auxiliary, a verb ("en a
/// blessé des centaines").
const EN_REACH: usize = 3;

/// Whether `q` is a plain count written in digits alone, with no unit or scale word: a bare
/// number that may take the unit of a figure beside it ("contre 823,2 en 2017").
fn bare_number(q: &Quantity) -> bool {
    q.unit.is_none()
        && q.kind == QuantityKind::Count
        && q.text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}'))
}

/// Whether a conjugated verb opens at token `b`, past a negation or a reflexive pronoun: the
/// words before `b` are its subject ("40 % étaient au chômage", "55 % n'ont pas").
fn subject_of_verb_at(lex: &Lexicon, toks: &[Token], b: usize) -> bool {
    let mut k = b;
    while toks.get(k).is_some_and(|t| {
        lex.negation_openers.contains(&t.key) || lex.verbs.reflexives.contains(&t.key)
    }) {
        k += 1;
    }
    // A word that may be something else ("contre", "part") opens no verb.
    toks.get(k)
        .is_some_and(|t| t.is_word && lex.verbs.is_conjugated(&t.key))
}

fn opens_sentence(lex: &Lexicon, toks: &[Token], a: usize) -> bool {
    toks.get(..a).is_some_and(|before| {
        before
            .iter()
            .all(|t| !t.is_word || lex.sentence_openers.contains(&t.key))
    })
}

/// The noun counted by the last claim of the sentence before sentence `si` that names one:
/// what "Quelque 60 000 autres sont partis" takes up when its own sentence has none.
fn counted_in_previous_sentence(drafts: &[Draft], si: usize) -> Option<counted::Found> {
    let previous = si.checked_sub(1)?;
    drafts
        .iter()
        .rev()
        .take_while(|d| d.unit >= previous)
        .filter(|d| d.unit == previous)
        .find_map(|d| d.counted.as_ref().filter(|c| c.span.end > c.span.start))
        .map(|c| counted::Found {
            span: c.span,
            category: c.category.clone(),
            rule: counted::OTHER_THAN_EARLIER,
        })
}

/// Most words between "où" and the figure it inverts ("où [ont été tués] 12 civils").
const INVERTED_VERB_WORDS: usize = 3;

/// Whether the figure starting at token `a` is the subject of a verb standing between "où"
/// and it: "où vivent officiellement environ 400 migrants", "où ont été tués 12 civils".
fn inverted_subject(lex: &Lexicon, toks: &[Token], a: usize, numbers: &[TokenRange]) -> bool {
    (1..=INVERTED_VERB_WORDS + 1).any(|back| {
        let Some(opener) = a.checked_sub(back) else {
            return false;
        };
        back > 1
            && toks
                .get(opener)
                .is_some_and(|t| lex.verbs.inverting.contains(&t.key))
            && (opener + 1..a).all(|k| {
                toks.get(k).is_some_and(|t| t.is_word)
                    && !numbers.iter().any(|&(x, y)| (x..y).contains(&k))
            })
    })
}

/// "ce qui", "ce que" after the figure ending at token `b`: what follows tells of the whole
/// clause, not of the figure ("un tunnel de 5 km, ce qui va faciliter le transport").
fn clause_taken_up(lex: &Lexicon, toks: &[Token], b: usize) -> Option<usize> {
    (b..toks.len().saturating_sub(1)).find(|&i| {
        toks.get(i)
            .is_some_and(|t| lex.clause_pronouns.contains(&t.key))
            && toks.get(i + 1).is_some_and(|t| {
                lex.verbs.complementizers.contains(&t.key) || lex.relatives.contains(&t.key)
            })
    })
}

/// The relative pronoun after a measure (a length, an area, a mass…) of a thing named before
/// it, the figure at tokens `[a, b)`: the relative clause tells of the thing ("une bande noire
/// d'1 cm qui entoure l'écran", "le niveau record de 7,95 mètres qui remonte à 1891"), not of
/// the measure ("ce sont 1300 hectares de terres qui sont réservés").
fn measured_thing_relative(
    lex: &Lexicon,
    toks: &[Token],
    q: &Quantity,
    (a, b): (usize, usize),
) -> Option<usize> {
    let measure = is_measure(q);
    let of_thing = a >= 2
        && toks
            .get(a - 1)
            .is_some_and(|t| lex.noun_links.contains(&t.key))
        && toks.get(a - 2).is_some_and(|t| {
            t.is_word && !lex.not_nouns.contains(&t.key) && !lex.skip.contains(&t.key)
        });
    if !measure || !of_thing {
        return None;
    }
    (b..toks.len())
        .take_while(|&i| toks.get(i).is_some_and(|t| t.is_word))
        .find(|&i| {
            toks.get(i)
                .is_some_and(|t| lex.measure_relatives.contains(&t.key))
        })
}

/// Whether the figure's unit is of dimension `dimension` ("%" is a ratio, "ha" an area).
fn unit_is(q: &Quantity, dimension: Dimension) -> bool {
    q.unit.as_ref().is_some_and(|u| u.dimension == dimension)
}

/// Whether the figure is a physical measure (a length, an area, a mass…): money, shares,
/// durations and plain counts are not.
fn is_measure(q: &Quantity) -> bool {
    q.unit.as_ref().is_some_and(|u| {
        !matches!(
            u.dimension,
            Dimension::Currency | Dimension::Ratio | Dimension::Duration | Dimension::Other
        )
    })
}

/// Most words between a verb and the figure it takes as object ("avoir secouru de son côté
/// 33 migrants").
const OBJECT_GAP: usize = 4;

/// The closing quotation mark after a quoted figure at tokens `[a, b)` when a comma follows
/// it: what comes next is the quoting clause, not the quotation ("… des centaines de
/// triangulaires …», se permet Rémi Lefebvre"). A quoted noun phrase keeps the verb after it
/// ("«Environ 80 tombes» ont été découvertes"). The quotation may have opened in an earlier
/// sentence, so the figure is quoted when the first mark after it closes; a straight mark
/// closes when an odd number of them stands before the figure. An aside naming a source
/// after the comma is no quoting clause: the verb after it is the figure's ("« plus de
/// 500 000 », selon la CGT, ont manifesté").
fn quotation_end(lex: &Lexicon, toks: &[Token], (a, b): (usize, usize)) -> Option<usize> {
    let m = (b..toks.len()).find(|&i| {
        toks.get(i).is_some_and(|t| {
            QUOTE_OPEN.contains(&t.key.as_str()) || QUOTE_CLOSE.contains(&t.key.as_str())
        })
    })?;
    let mark = toks.get(m)?.key.as_str();
    let closes = match mark {
        "\"" => toks
            .get(..a)
            .is_some_and(|w| w.iter().filter(|t| t.key == "\"").count() % 2 == 1),
        _ => QUOTE_CLOSE.contains(&mark),
    };
    let incise = toks.get(m + 1).is_some_and(|t| t.key == ",")
        && lex.verbs.source_asides.at(toks, m + 2).is_none();
    (closes && incise).then_some(m)
}

/// Whether the figure at tokens `[a, b)` describes a noun: "une ville de 30 000 habitants";
/// the verbs of its sentence tell no event of it.
fn describes(lex: &Lexicon, toks: &[Token], q: &Quantity, (a, b): (usize, usize)) -> bool {
    let word = |i: usize, set: &lexicon::WordSet| toks.get(i).is_some_and(|t| set.contains(&t.key));
    // A measure after a noun and its "de" is that thing's size: "l'unité de production de
    // 5.000 m2 s'installera", "un terrain de 3 hectares", "le modèle de 65 pouces apporte";
    // not a measure of a matter named after it ("un total de 2,8 tonnes de cocaïne").
    let size = is_measure(q)
        && !toks.get(b).is_some_and(|t| lex.noun_links.contains(&t.key))
        && a.checked_sub(2).and_then(|k| toks.get(k)).is_some_and(|t| {
            t.is_word
                && !lex.not_nouns.contains(&t.key)
                && !lex.verbs.forms.get(&t.key).is_some_and(|c| c.only_verb())
        });
    // One adjective may follow the head: "une cité ouvrière de 29 000 habitants".
    let adjective = |i: usize| {
        toks.get(i).is_some_and(|t| {
            t.is_word
                && !t.capitalized
                && !lex.not_nouns.contains(&t.key)
                && !lex.verbs.forms.get(&t.key).is_some_and(|c| c.finite())
        })
    };
    a >= 2
        && toks
            .get(a - 1)
            .is_some_and(|t| lex.noun_links.contains(&t.key))
        && (word(a - 2, &lex.descriptive_heads)
            || (a >= 3 && adjective(a - 2) && word(a - 3, &lex.descriptive_heads))
            || size)
}

/// Whether the figure at token `a` gives a thing's size after "<measure> de" or its measure
/// noun alone: "dans un rayon de 150 km", "à une altitude de 1850 mètres", "un échantillon de
/// 1010 Français", "de calibre 8 mm", or before it after "de" ("2000 mètres d'altitude"). It
/// reports no event.
fn measures_a_thing(lex: &Lexicon, toks: &[Token], (a, b): (usize, usize)) -> bool {
    let head = |k: usize| {
        toks.get(k)
            .is_some_and(|t| lex.measure_heads.contains(&t.key))
    };
    // An adjective may follow the noun: "un échantillon représentatif de 1010 Français";
    // "de" may be left out: "un revolver de calibre 8 mm".
    let linked = a >= 2
        && toks
            .get(a - 1)
            .is_some_and(|t| lex.noun_links.contains(&t.key))
        && (head(a - 2) || (a >= 3 && head(a - 3) && toks.get(a - 2).is_some_and(|t| t.is_word)));
    // Or the measure noun after the figure's unit: "au-delà des 2000 mètres d'altitude".
    let after = toks.get(b).is_some_and(|t| lex.noun_links.contains(&t.key)) && head(b + 1);
    linked || (a >= 1 && head(a - 1)) || after
}

/// Whether the length at tokens `[a, b)` locates a place: "à une vingtaine de km de
/// l'aéroport" ("de" after its counted noun, or after the figure), "33 km à l'ouest de".
fn locates(
    lex: &Lexicon,
    toks: &[Token],
    q: &Quantity,
    counted: Option<&Counted>,
    (a, b): (usize, usize),
) -> bool {
    let length = unit_is(q, Dimension::Length) || counted.is_some_and(|c| c.category == "length");
    let end = counted
        .filter(|c| c.span.end > c.span.start)
        .map_or(b, |c| token_at(toks, c.span.end).max(b));
    let link = |i: usize| toks.get(i).is_some_and(|t| lex.noun_links.contains(&t.key));
    // "à 15 km à l'ouest de Perpignan", "à 20 km au nord de": a direction may stand between.
    let direction = || {
        (end..(end + 4).min(toks.len()))
            .take_while(|&i| {
                toks.get(i).is_some_and(|t| {
                    lex.direction_links.contains(&t.key) || lex.directions.contains(&t.key)
                })
            })
            .any(|i| toks.get(i).is_some_and(|t| lex.directions.contains(&t.key)) && link(i + 1))
    };
    // A direction locates even with no "à" before: "La commune de Kadiria, 33 km à l'ouest
    // de Bouira, recèle".
    length
        && ((a >= 1
            && toks
                .get(a - 1)
                .is_some_and(|t| lex.distance_markers.contains(&t.key))
            && link(end))
            || direction())
}

/// Whether a subset marker ("dont", "y compris", "including") ends right before token `a`
/// (at most two words before it: "dont la moitié").
fn starts_subset(lex: &Lexicon, toks: &[Token], a: usize) -> bool {
    (a.saturating_sub(4)..a).any(|i| {
        lex.subsets
            .at(toks, i)
            .is_some_and(|h| h.end + 2 >= a && h.end <= a)
    })
}

/// A number that counts nothing new: a small number word after a definite determiner
/// refers to things already named ("les deux technocrates", "des deux pays"); bare digits
/// between a capitalized word and no noun belong to a name ("la Crs 57 Carcassonne",
/// "Windows 10").
fn refers_or_names(lex: &Lexicon, toks: &[Token], q: &Quantity, a: usize, b: usize) -> bool {
    // "un quatrième complice", "Une cinquième personne": a rank before a noun, no fraction
    // (which takes "de" or a verb: "un cinquième des élèves", "un cinquième déplore").
    if q.kind == QuantityKind::Fraction
        && b > a
        && toks
            .get(b - 1)
            .is_some_and(|t| crate::numbers::is_ordinal_word(lex.lang, &t.key))
        && toks.get(b).is_some_and(|t| {
            t.is_word
                && !lex.noun_links.contains(&t.key)
                && !lex.verbs.forms.get(&t.key).is_some_and(|c| c.finite())
        })
    {
        return true;
    }
    // A qualifier that ends in one ("dans les deux cas") refers back as well.
    let number_start = q
        .parts
        .iter()
        .find(|p| p.role == PartRole::Number)
        .map(|p| token_at(toks, p.span.start));
    let determiner_inside = number_start
        .filter(|&n| n > a)
        .and_then(|n| toks.get(n - 1))
        .is_some_and(|t| lex.referential_determiners.contains(&t.key));
    if determiner_inside
        && !q.text.chars().any(|c| c.is_ascii_digit())
        && q.unit.is_none()
        && q.kind == QuantityKind::Count
        && q.best.is_some_and(|v| v <= lex.referential_max)
    {
        return true;
    }
    let Some(before) = a.checked_sub(1).and_then(|i| toks.get(i)) else {
        return false;
    };
    // "qui pointe au 259 rang": a rank without its suffix.
    if q.unit.is_none() && toks.get(b).is_some_and(|t| lex.rank_nouns.contains(&t.key)) {
        return true;
    }
    // "la 155e place sur 180", "troisième sur 12": the size of a ranking after a rank
    // counts nothing the sentence reports.
    if lex.rank_totals.contains(&before.key)
        && (a.saturating_sub(4)..a - 1).any(|k| {
            toks.get(k)
                .is_some_and(|t| crate::numbers::is_rank_word(lex.lang, &t.key))
        })
    {
        return true;
    }
    // "sur une échelle de 4", "une échelle de 1 à 10": a scale's ends measure nothing, nor
    // does a mark on it ("reste à 2 sur une échelle de 4").
    let on_scale = toks
        .get(b)
        .is_some_and(|t| lex.scale_links.contains(&t.key))
        && toks
            .get(b + 1..b + 3)
            .is_some_and(|w| w.iter().any(|t| lex.scale_heads.contains(&t.key)));
    if on_scale
        || (lex.of_links.contains(&before.key)
            && a.checked_sub(2)
                .and_then(|k| toks.get(k))
                .is_some_and(|t| lex.scale_heads.contains(&t.key)))
    {
        return true;
    }
    // "au 4e rang des 27 pays": the group ranked, likewise.
    if lex.rank_group_links.contains(&before.key)
        && a.checked_sub(2)
            .and_then(|k| toks.get(k))
            .is_some_and(|t| lex.rank_nouns.contains(&t.key))
        && a.checked_sub(3)
            .and_then(|k| toks.get(k))
            .is_some_and(|t| crate::numbers::is_rank_word(lex.lang, &t.key))
    {
        return true;
    }
    // "champion de 100 m dos", "la finale du 400 m": a length with a race's style after it,
    // or after a race's title and its "du", names the race.
    let race_title = lex.race_title_links.contains(&before.key)
        && a.checked_sub(2)
            .and_then(|k| toks.get(k))
            .is_some_and(|t| lex.race_titles.contains(&t.key));
    if unit_is(q, Dimension::Length)
        && (race_title
            || toks
                .get(b)
                .is_some_and(|t| lex.race_styles.contains(&t.key)))
    {
        return true;
    }
    // "il aurait une trentaine d'années": an age.
    let is_years = |i: usize| toks.get(i).is_some_and(|t| lex.age_units.contains(&t.key));
    // "d'années", and "36 et 34 ans" where the first figure shares the second's unit.
    let years_after = is_years(b)
        || (toks.get(b).is_some_and(|t| lex.noun_links.contains(&t.key)) && is_years(b + 1))
        || (toks
            .get(b)
            .is_some_and(|t| lex.ellipsis_joins.contains(&t.key))
            && is_years(b + 2));
    if (q.kind == QuantityKind::Duration || years_after) && lex.age_verbs.contains(&before.key) {
        return true;
    }
    // "arrêté après six semaines de cavale", "pendant trois ans": a duration after a
    // preposition of time tells when, it counts nothing.
    if q.kind == QuantityKind::Duration && lex.time_prepositions.contains(&before.key) {
        return true;
    }
    // "dès 9 heures", "vers 14 heures": a time of day, unless hours of something or a rate
    // follow ("à 9 heures de route", "limitées à 10 heures par semaine").
    let hours = b > a
        && toks
            .get(b - 1)
            .is_some_and(|t| lex.clock_units.contains(&t.key));
    let after_clock_word = lex.clock_joins.contains(&before.key)
        && a.checked_sub(2)
            .and_then(|k| toks.get(k))
            .is_some_and(|t| lex.clock_words.contains(&t.key));
    if q.kind == QuantityKind::Duration
        && q.qualifier == Qualifier::Exact
        && hours
        && (lex.clock_prepositions.contains(&before.key) || after_clock_word)
        && !toks
            .get(b)
            .is_some_and(|t| lex.clock_not_before.contains(&t.key))
        && q.best
            .is_some_and(|v| (0.0..=24.0).contains(&v) && v.fract() == 0.0)
    {
        return true;
    }
    let plain = q.qualifier == Qualifier::Exact && q.unit.is_none();
    let words = !q.text.chars().any(|c| c.is_ascii_digit());
    // A quotation may open between the determiner and the number: "Ces « deux individus ».
    let determiner = (0..a)
        .rev()
        .find_map(|i| toks.get(i).filter(|t| !t.is_quote_mark()))
        .is_some_and(|t| lex.referential_determiners.contains(&t.key));
    if plain
        && words
        && q.kind == QuantityKind::Count
        && q.best.is_some_and(|v| v <= lex.referential_max)
        && determiner
    {
        return true;
    }
    let digits = q.text.chars().all(|c| c.is_ascii_digit());
    // "en jargon 2.0", "le web 3.0": a version, written with a point and a zero.
    if let Some((whole, "0")) = q.text.split_once('.')
        && !whole.is_empty()
        && whole.chars().all(|c| c.is_ascii_digit())
    {
        return true;
    }
    // "(0-1)", "3-1": two numbers joined by a hyphen, the first not below the second or
    // zero, are a score, not a range; with a leading zero they are the number of a text
    // ("décret exécutif 05-240").
    let hyphened = q.text.split(['-', '–']).collect::<Vec<_>>();
    if let [x, y] = hyphened.as_slice()
        && q.unit.is_none()
        && [x, y]
            .iter()
            .all(|p| !p.trim().is_empty() && p.trim().chars().all(|c| c.is_ascii_digit()))
        && let (Some(lo), Some(hi)) = (q.low, q.high)
        && (lo >= hi || lo == 0.0 || (x.trim().len() > 1 && x.trim().starts_with('0')))
    {
        return true;
    }
    // "le 0800 30 300", "d'un 357 Magnum": a leading zero or an article makes digits a code
    // or a model.
    if digits && (q.text.len() > 1 && q.text.starts_with('0')) {
        return true;
    }
    // "les articles 25 et 27 du code": the number of a part of a text; "la télévision 2M":
    // digits glued to capitals name a channel.
    let glued_capitals = q.text.trim_start_matches(|c: char| c.is_ascii_digit());
    let name_like = glued_capitals.len() < q.text.len()
        && !glued_capitals.is_empty()
        && glued_capitals.chars().all(|c| c.is_ascii_uppercase());
    if ((plain && digits) || name_like) && before.is_word && lex.label_nouns.contains(&before.key) {
        return true;
    }
    // "le numéro vert 3010", "les types viraux 16 et 18": past one adjective too.
    let label_at = |k: usize| {
        toks.get(k)
            .is_some_and(|t| lex.label_nouns.contains(&t.key))
            || (toks.get(k).is_some_and(|t| {
                t.is_word
                    && !t.capitalized
                    && !lex.verbs.function_words.contains(&t.key)
                    && !lex.noun_links.contains(&t.key)
                    && !lex.verbs.forms.get(&t.key).is_some_and(|c| c.finite())
            }) && k
                .checked_sub(1)
                .and_then(|j| toks.get(j))
                .is_some_and(|t| lex.label_nouns.contains(&t.key)))
    };
    if plain && digits && label_at(a - 1) {
        return true;
    }
    // "de calibre 12 et 16", "les articles 25 et 27": a second label joined to the first.
    let digits_at = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.key.chars().all(|c| c.is_ascii_digit()))
    };
    if plain
        && digits
        && lex.ellipsis_joins.contains(&before.key)
        && a.checked_sub(2).is_some_and(digits_at)
        && a.checked_sub(3).is_some_and(label_at)
    {
        return true;
    }
    // "la 8K", "la 4G": after a singular article too.
    if name_like && before.is_word && lex.label_articles.contains(&before.key) {
        return true;
    }
    if plain && digits && before.is_word && lex.model_articles.contains(&before.key) {
        return true;
    }
    // "au 72, rue Kaddour": an address.
    let street = |i: usize| {
        toks.get(i)
            .is_some_and(|t| lex.street_words.contains(&t.key))
    };
    if plain
        && digits
        && (street(b) || (toks.get(b).is_some_and(|t| t.key == ",") && street(b + 1)))
    {
        return true;
    }
    // A verb after the number is no noun it counts ("le Soft Power 30 anticipe").
    let after_is_noun = toks.get(b).is_some_and(|t| {
        t.is_word
            && !t.capitalized
            && !lex.not_nouns.contains(&t.key)
            && !lex.verbs.forms.get(&t.key).is_some_and(|c| c.only_verb())
    });
    // "Windows 10", "le Roi-Soleil 2.0": a version after a name is a point then one digit
    // (French decimals take a comma, thousands a point then three digits).
    let version = q.text.split_once('.').is_some_and(|(whole, part)| {
        !whole.is_empty()
            && whole.chars().all(|c| c.is_ascii_digit())
            && part.len() == 1
            && part.chars().all(|c| c.is_ascii_digit())
    });
    // An adjective of nationality is no noun after a model's name: "un Mirage 2000 français".
    let after_is_adjective = toks
        .get(b)
        .is_some_and(|t| !t.capitalized && counted::is_demonym(lex, &t.key))
        && a.checked_sub(2)
            .and_then(|k| toks.get(k))
            .is_some_and(|t| lex.model_articles.contains(&t.key));
    // A name may open the sentence ("France 2 n'a pas tenu compte"), but not a function word
    // or a verb ("Selon 2 sources", "Depuis 2015", "Citant 24 d'entre les entreprises").
    let name_before = a > 1
        || !(lex.not_nouns.contains(&before.key)
            || lex.skip.contains(&before.key)
            || lex.year_prepositions.contains(&before.key)
            || lex.verbs.forms.get(&before.key).is_some());
    if plain
        && (digits || version)
        && name_before
        && before.is_word
        && before.capitalized
        && (!after_is_noun || after_is_adjective)
    {
        return true;
    }
    // "le dernier rapport 2018 de l'Enisa": four digits of a year after a noun, before no
    // noun of their own, date the noun.
    let year = year_digits(lex, q);
    // The word before is a noun: no function word, no form that is only a verb.
    let after_noun = before.is_word
        && !lex.not_nouns.contains(&before.key)
        && !lex.skip.contains(&before.key)
        && !lex
            .verbs
            .forms
            .get(&before.key)
            .is_some_and(|c| c.only_verb());
    if plain && digits && year && after_noun && !after_is_noun {
        return true;
    }
    // "cet objectif pour 2030 réponde": after a preposition of time, a year.
    if plain && digits && year && !after_is_noun && lex.year_prepositions.contains(&before.key) {
        return true;
    }
    // "depuis celle de 1694": a year after a pronoun's "de", however old.
    let any_year = q.text.len() == 4
        && q.best
            .is_some_and(|v| (1000.0..=lex.year_range[1]).contains(&v));
    if plain
        && digits
        && any_year
        && !after_is_noun
        && lex.noun_links.contains(&before.key)
        && a.checked_sub(2)
            .and_then(|k| toks.get(k))
            .is_some_and(|t| lex.year_pronouns.contains(&t.key))
    {
        return true;
    }
    // "je cours moins vite qu'en 68, mais": two digits with no noun after "en", a year.
    if plain
        && digits
        && q.text.len() == 2
        && !after_is_noun
        && lex.short_year_prepositions.contains(&before.key)
    {
        return true;
    }
    // "dans le 93", "au 15": digits after a singular article and before no noun are a
    // number used as a name (a département, a bus line), not an amount; so are digits after
    // an article and a noun ("la cote 70", "le top 10", "l'article 3").
    let after_article_and_noun = a > 1
        && after_noun
        && toks
            .get(a - 2)
            .is_some_and(|t| lex.label_articles.contains(&t.key));
    // A verb after them makes the digits its subject: "au total 30 ont été tués".
    let verb_after = toks
        .get(b)
        .is_some_and(|t| t.is_word && lex.verbs.forms.get(&t.key).is_some_and(|c| c.finite()));
    if plain && digits && !after_is_noun && !verb_after && after_article_and_noun {
        return true;
    }
    plain && digits && before.is_word && lex.label_articles.contains(&before.key) && !after_is_noun
}

/// Four characters whose value falls in the years of `year_range` ("2018").
fn year_digits(lex: &Lexicon, q: &Quantity) -> bool {
    q.text.len() == 4
        && q.best
            .is_some_and(|v| (lex.year_range[0]..=lex.year_range[1]).contains(&v))
}

/// Four digits of a year listed after a year, joined by a comma or a coordinator: a year too
/// ("atteinte en 2030, 2032 ou 2034").
fn listed_with_a_year(
    lex: &Lexicon,
    toks: &[Token],
    quantities: &[Quantity],
    q: &Quantity,
    a: usize,
) -> bool {
    let year_like = year_digits(lex, q) && q.text.chars().all(|c| c.is_ascii_digit());
    let joined = a >= 2
        && toks
            .get(a - 1)
            .is_some_and(|t| t.key == "," || lex.ellipsis_joins.contains(&t.key));
    year_like
        && joined
        && toks.get(a - 2).is_some_and(|before| {
            quantities
                .iter()
                .any(|p| p.kind == QuantityKind::Year && p.span.end == before.end)
        })
}

/// Whether the figure's own verb `own`, standing between the lexicon event `event` and the
/// figure (token `a`, span `figure`), opens the figure's clause, so that the event is
/// another clause's: "a sauvé fin 2016 en prenant une participation de 34%". Not a verb of
/// state or of telling ("il en annonçait 13346"), nor past a coordinator or a "que" ("…,
/// ainsi que deux écoles").
fn opens_figure_clause(
    lex: &Lexicon,
    toks: &[Token],
    own: &verbs::Found,
    event: Span,
    (a, figure): (usize, Span),
) -> bool {
    let (start, end) = token_range(toks, own.span);
    let v = &lex.verbs;
    !own.state
        && own.span.start >= event.end
        && own.span.end <= figure.start
        && !end
            .checked_sub(1)
            .and_then(|k| toks.get(k))
            .is_some_and(|t| v.forms.is_form_of(&t.key, &v.reporting_infinitives))
        && !toks.get(start..a).is_some_and(|w| {
            w.iter()
                .any(|t| v.coordinators.contains(&t.key) || v.que_forms.contains(&t.key))
        })
}

/// A bare number joined to an age a few words before it, with no noun of its own, is an
/// age too: "61 ans pour les hommes et 60 pour les femmes".
fn elliptic_age(
    lex: &Lexicon,
    toks: &[Token],
    quantities: &[Quantity],
    q: &Quantity,
    (a, b): (usize, usize),
) -> bool {
    // "à l'âge de 122 ans et 164 jours": a duration right after an age and its "et" is more
    // of the age.
    let rest_of_age = q.kind == QuantityKind::Duration
        && a.checked_sub(1)
            .and_then(|k| toks.get(k))
            .is_some_and(|t| lex.verbs.coordinators.contains(&t.key))
        && a.checked_sub(1)
            .and_then(|k| toks.get(k))
            .is_some_and(|join| {
                quantities
                    .iter()
                    .rfind(|p| p.span.end <= join.start)
                    .is_some_and(|p| {
                        p.kind == QuantityKind::Age
                            && toks
                                .get(token_range(toks, p.span).1)
                                .is_some_and(|t| t.start == join.start)
                    })
            });
    if rest_of_age {
        return true;
    }
    let bare = q.kind == QuantityKind::Count && q.unit.is_none();
    let Some(join) = a
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .filter(|t| a >= 2 && lex.ellipsis_joins.contains(&t.key))
    else {
        return false;
    };
    let no_noun = toks.get(b).is_none_or(|t| {
        !t.is_word || (lex.not_nouns.contains(&t.key) && !lex.noun_links.contains(&t.key))
    });
    // The nearest number before the join, at most `ELLIPSIS_AGE_REACH` tokens back.
    let from = toks
        .get(a.saturating_sub(ELLIPSIS_AGE_REACH))
        .map_or(0, |t| t.start);
    bare && no_noun
        && quantities
            .iter()
            .rfind(|p| p.span.end <= join.start && p.span.start >= from)
            .is_some_and(|p| p.kind == QuantityKind::Age)
}

/// A number that is all its sentence ("2." numbering a list item), digits that open their
/// sentence before a closing bracket ("4) Pour la FEB, …": a list item too), or digits or
/// a number word that are all of a quotation (the album «19», the word « septante »;
/// «deux ou trois jours» quotes a figure), or one digit alone in brackets calling a note.
fn stands_alone(lex: &Lexicon, toks: &[Token], q: &Quantity, a: usize, b: usize) -> bool {
    let is_punct = |i: usize| toks.get(i).is_some_and(|t| !t.is_word);
    let digits = q.text.chars().all(|c| c.is_ascii_digit());
    // "4) …", and a heading's number before its capitalized first word, which counts
    // nothing ("1 Le redoublement se maintient", "2 La pénurie touche…").
    let item_number = digits
        && a == 0
        && toks.get(b).is_some_and(|t| {
            t.key == ")" || (t.is_word && t.capitalized && lex.not_nouns.contains(&t.key))
        });
    // "… 8 morts également. ■ 2.": the number after a bullet, alone to the end, numbers
    // the item (the sentence may run on from the one before).
    let bulleted = digits
        && a > 0
        && toks
            .get(a - 1)
            .is_some_and(|t| BULLETS.contains(&t.key.as_str()))
        && (b..toks.len()).all(is_punct);
    let whole_sentence =
        (0..a).all(is_punct) && (b..toks.len()).all(is_punct) || item_number || bulleted;
    // A number word alone in quotation marks is a word mentioned: "la forme « septante »".
    let word = q.text.chars().all(|c| c.is_alphabetic() || c == '-');
    let quoted = a > 0
        && (digits || word)
        && toks
            .get(a - 1)
            .is_some_and(|t| QUOTE_OPEN.contains(&t.key.as_str()))
        && toks
            .get(b)
            .is_some_and(|t| QUOTE_CLOSE.contains(&t.key.as_str()));
    // "l'enseignante suisse (2) enlevée", "Michel Lafon (2)": one digit alone in brackets
    // calls a note.
    let note_call = q.text.len() == 1 && digits && in_parentheses(toks, a, b);
    whole_sentence || quoted || note_call
}

/// Marks that open the items of a list.
const BULLETS: [&str; 7] = ["■", "•", "▪", "►", "◆", "●", "□"];

/// How many bare numbers in parentheses make a sentence a table.
const TABLE_CELLS: usize = 3;

/// How many tokens before a bare number an age may stand for the number to share its unit.
const ELLIPSIS_AGE_REACH: usize = 8;

/// Tokens `[a, b)` are all that stands between a pair of parentheses: "(5763)".
fn in_parentheses(toks: &[Token], a: usize, b: usize) -> bool {
    a > 0
        && toks.get(a - 1).is_some_and(|t| t.key == "(")
        && toks.get(b).is_some_and(|t| t.key == ")")
}

/// A number joined by a hyphen to the word after it is part of that word: any number before
/// a capitalized word, a place or a name ("Deux-Ponts", "Trois-Rivières"); a number in words
/// before any word ("une demi-soeur", "les deux-roues"). So is a number in words glued to
/// digits ("Six4Three").
fn starts_compound_word(text: &str, span: Span) -> bool {
    let words = !text
        .get(span.start..span.end)
        .unwrap_or("")
        .chars()
        .any(|c| c.is_ascii_digit());
    let mut rest = text.get(span.end..).unwrap_or("").chars();
    let next = rest.next();
    (words && next.is_some_and(|c| c.is_ascii_digit()))
        || (next == Some('-')
            && rest
                .next()
                .is_some_and(|c| c.is_uppercase() || (words && c.is_alphabetic())))
}

/// Whether the figure starting at token `a` is the base of a rate: a rate marker ends right
/// before it and another figure, or an indefinite article standing for one ("un train sur
/// deux"), ends at most [`RATE_GAP`] tokens before the marker ("710 détenus pour 100.000
/// habitants").
fn is_rate_base(
    lex: &Lexicon,
    toks: &[Token],
    ranges: &[FigureTokens],
    (a, b): (usize, usize),
) -> bool {
    let marker = (a.saturating_sub(3)..a)
        .find(|&m| lex.rate_markers.at(toks, m).is_some_and(|h| h.end == a));
    let close = |end: usize, m: usize| {
        end <= m
            && end + RATE_GAP >= m
            && toks.get(end..m).is_some_and(|between| {
                between.iter().all(|t| {
                    t.is_word
                        && !lex.verbs.reflexives.contains(&t.key)
                        && !lex.verbs.auxiliaries.contains(&t.key)
                })
            })
    };
    // After "un" or "une" the noun may be longer ("une espèce d'abeilles sur six", "un jeune
    // des quartiers sensibles sur quatre"), with no verb, when the base has no noun of its
    // own ("une opération de prélèvement sur 100 fonctionnaires" counts them).
    let own_noun = lex.counted.at(toks, b).is_some()
        || toks.get(b).is_some_and(|t| lex.noun_links.contains(&t.key));
    let one_close = |k: usize, m: usize| {
        (m <= k + RATE_GAP + 1 || !own_noun)
            && toks.get(k + 1..m).is_some_and(|between| {
                between
                    .iter()
                    .all(|t| t.is_word && !lex.verbs.is_conjugated(&t.key))
            })
    };
    marker.is_some_and(|m| {
        ranges.iter().any(|&(_, end, _)| close(end, m))
            || (m.saturating_sub(ONE_RATE_GAP + 1)..m).any(|k| {
                toks.get(k)
                    .is_some_and(|t| t.is_word && lex.rate_ones.contains(&t.key))
                    && one_close(k, m)
            })
    })
}

/// Most words between a rate's figure and the marker of its base: its noun and an
/// adjective ("travailleurs belges").
const RATE_GAP: usize = 2;

/// Most words between the "un" of a rate and the marker of its base.
const ONE_RATE_GAP: usize = 5;

/// Digits joined by a hyphen, a times sign or a slash to other digits, outside a range or a
/// fraction the numbers stage read: a score ("6-2 7-5 6-4", "45%-55%"), a code, a "4x4",
/// not a count. Digits right after a letter are part of a name or a code ("Six4Three",
/// "A380").
fn glued_to_digits(text: &str, span: Span) -> bool {
    let mut after = text.get(span.end..).unwrap_or("").chars();
    let mut before = text.get(..span.start).unwrap_or("").chars().rev();
    let glue = |c: Option<char>| c.is_some_and(|c| GLUE.contains(&c));
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c == '%');
    let glued_after = glue(after.next()) && after.next().is_some_and(|c| c.is_ascii_digit());
    let first_before = before.next();
    let glued_before = glue(first_before) && digit(before.next());
    let after_letter = first_before.is_some_and(char::is_alphabetic)
        && text
            .get(span.start..)
            .and_then(|t| t.chars().next())
            .is_some_and(|c| c.is_ascii_digit());
    glued_after || glued_before || after_letter
}

const GLUE: [char; 6] = ['-', 'x', '×', '/', '\'', '’'];

fn is_fraction(q: &Quantity) -> bool {
    q.kind == QuantityKind::Fraction
}

/// The parent of a subset figure: the nearest earlier claim of the sentence whose category
/// may contain the child's, else the nearest earlier claim of the sentence, else (for a
/// fraction or a subset opening a sentence) the last claim of the paragraph.
#[allow(clippy::too_many_arguments)]
fn find_parent(
    lex: &Lexicon,
    drafts: &[Draft],
    first_in_sentence: usize,
    (counted, guessed): (Option<&Counted>, bool),
    units: &[Unit],
    unit: &Unit,
    quantities: &[Quantity],
    child: &Quantity,
) -> Option<usize> {
    let in_sentence = first_in_sentence..drafts.len();
    let compatible = |d: &Draft| match (d.counted.as_ref(), counted) {
        (Some(p), Some(c)) => p.category != c.category && lex.may_contain(&p.category, &c.category),
        _ => false,
    };
    // A whole is not smaller than its part: "plus de 2500 enfants issus de plus de 30 pays,
    // dont 1100" are 1100 of the children. Compared for plain counts only.
    let large_enough = |d: &Draft| {
        let Some(parent) = quantities.get(d.quantity) else {
            return true;
        };
        let plain = parent.unit.is_none() && child.unit.is_none() && !is_fraction(child);
        match (parent.high.or(parent.best), child.low.or(child.best)) {
            (Some(whole), Some(part)) if plain => whole >= part,
            _ => true,
        }
    };
    let both = |d: &Draft| compatible(d) && large_enough(d);
    let any = |_: &Draft| true;
    // A guessed noun says nothing of the child ("88 cas de décès dont 50" took "personnes"
    // from earlier in the sentence): only sizes tell the parent.
    let tests: &[&dyn Fn(&Draft) -> bool] = if guessed {
        &[&large_enough, &any]
    } else {
        &[&both, &compatible, &large_enough, &any]
    };
    for test in tests {
        if let Some(i) = in_sentence
            .clone()
            .rev()
            .find(|&i| drafts.get(i).is_some_and(|d| !d.subset && test(d)))
        {
            return Some(i);
        }
    }
    let last = drafts.len().checked_sub(1)?;
    let d = drafts.get(last)?;
    let same_paragraph = unit.paragraph.is_some()
        && units
            .get(d.unit)
            .is_some_and(|u| u.paragraph == unit.paragraph);
    same_paragraph.then_some(last)
}

/// A subset shares its parent's predicate (in the same sentence) and window when it states
/// none of its own; a fraction also its counted thing.
fn inherit_from_parents(prefix: &str, drafts: &mut [Draft], parents: &[Option<usize>]) {
    for i in 0..drafts.len() {
        let Some(Some(p)) = parents.get(i).copied() else {
            continue;
        };
        if p >= i {
            continue;
        }
        let (head, tail) = drafts.split_at_mut(i);
        let (Some(parent), Some(child)) = (head.get(p), tail.first_mut()) else {
            continue;
        };
        // Within its sentence only: a fraction in the next sentence ("Un cinquième déplore la
        // pression") has a clause of its own.
        if child.unit == parent.unit {
            // An event told before the parent's is another clause's: "qui a coûté la vie à
            // quatre enfants, en plus de blesser 20 personnes, dont onze grièvement".
            let before_parent = |c: &Predicate| {
                parent
                    .predicate
                    .as_ref()
                    .is_some_and(|p| c.span.end <= p.span.start)
            };
            if !child.own_verb && child.predicate.as_ref().is_none_or(before_parent) {
                if child.predicate.is_some() {
                    let own = rule_id(prefix, "predicate/");
                    child.rules.retain(|r| !r.starts_with(&own));
                    child.rules.push(rule_id(prefix, "predicate/from-parent"));
                }
                child.predicate = parent.predicate.clone();
            }
            child.time = parent.time.clone();
        }
        // A noun guessed from earlier in the sentence yields to the parent's: "plus de 2500
        // enfants issus de plus de 30 pays, dont 1100" counts children, not countries.
        let guessed = child
            .rules
            .iter()
            .any(|r| r.ends_with(counted::EARLIER_IN_SENTENCE));
        if child.counted.is_none() || (guessed && parent.counted.is_some()) {
            for rule in child.rules.iter_mut() {
                if let Some(prefix) = rule.strip_suffix(counted::EARLIER_IN_SENTENCE) {
                    *rule = rule_id(prefix, "counted/from-parent");
                }
            }
            child.counted = parent.counted.clone();
        }
    }
}

/// "Huit hommes et quatre femmes ont été désignés": a figure with no event, joined to the next
/// figure of the same category by a coordinator or a source's aside alone, shares the event
/// that follows that figure. `drafts` are the claims of one sentence, `toks` its tokens.
fn share_with_next_figure(
    lex: &Lexicon,
    prefix: &str,
    toks: &[Token],
    quantities: &[Quantity],
    drafts: &mut [Draft],
) {
    for k in (0..drafts.len().saturating_sub(1)).rev() {
        let (head, tail) = drafts.split_at_mut(k + 1);
        let (Some(this), Some(next)) = (head.last_mut(), tail.first()) else {
            continue;
        };
        let (Some(q), Some(next_q)) =
            (quantities.get(this.quantity), quantities.get(next.quantity))
        else {
            continue;
        };
        let (Some(c), Some(next_c), Some(p)) = (&this.counted, &next.counted, &next.predicate)
        else {
            continue;
        };
        if this.predicate.is_some()
            || this.subset
            || c.category != next_c.category
            || p.span.start < next_q.span.end
        {
            continue;
        }
        let from = token_at(toks, c.span.end.max(q.span.end));
        let to = token_at(toks, next_q.span.start);
        // A coordinator must stand between: "Parmi les 10 arrestations, deux se sont
        // déroulées en Corse" shares nothing; or an aside naming the first figure's source,
        // the next being another source's count of the same ("70 000 personnes, selon la
        // préfecture, 200 000, selon les organisateurs, ont défilé").
        let (mut coordinated, mut aside, mut other) = (false, false, false);
        let mut i = from;
        while i < to {
            if let Some(comma) = verbs::source_aside_end(&lex.verbs, toks, i, to) {
                aside = true;
                i = comma + 1;
                continue;
            }
            match toks.get(i) {
                Some(t) if lex.verbs.coordinators.contains(&t.key) => coordinated = true,
                Some(t) if t.key == "," || t.is_quote_mark() => {}
                _ => other = true,
            }
            i += 1;
        }
        let joined = from < to && !other && (coordinated || aside);
        if joined {
            this.predicate = Some(p.clone());
            // The rule goes with the other predicate rules, before the window's.
            let at = this
                .rules
                .iter()
                .position(|r| r.contains("/window/"))
                .unwrap_or(this.rules.len());
            this.rules
                .insert(at, rule_id(prefix, "predicate/shared-with-next-figure"));
        }
    }
}

/// A title line (first paragraph, one sentence, no final stop) or a "Lire aussi" link.
fn is_headline(doc: &Document, unit: &Unit, figure: Span) -> bool {
    if doc
        .embeds
        .iter()
        .any(|e| e.kind == EmbedKind::Link && e.span.contains(figure))
    {
        return true;
    }
    if unit.paragraph != Some(0) {
        return false;
    }
    let in_first = doc.sentences.iter().filter(|s| s.paragraph == 0).count();
    let text = unit.span.slice(&doc.text).trim_end();
    in_first == 1 && !text.ends_with(['.', '!', '?', ':', '»', '"', '…'])
}

/// A rule's id under the language's prefix ("claims/fr/" + "predicate/tense"): the two
/// strings put together without the formatting machinery, for every rule of every claim.
fn rule_id(prefix: &str, rule: &str) -> String {
    let mut id = String::with_capacity(prefix.len() + rule.len());
    id.push_str(prefix);
    id.push_str(rule);
    id
}

fn figure(q: &Quantity) -> Figure {
    Figure {
        text: q.text.clone(),
        span: q.span,
        value: q.value,
        best: q.best,
        low: q.low,
        high: q.high,
        qualifier: match q.qualifier {
            Qualifier::Exact => FigureQualifier::Exact,
            Qualifier::Approx => FigureQualifier::Approx,
            Qualifier::Nearly => FigureQualifier::Nearly,
            Qualifier::AtLeast => FigureQualifier::AtLeast,
            Qualifier::MoreThan => FigureQualifier::MoreThan,
            Qualifier::AtMost => FigureQualifier::AtMost,
            Qualifier::LessThan => FigureQualifier::LessThan,
            Qualifier::Range => FigureQualifier::Range,
            Qualifier::Vague => FigureQualifier::Vague,
        },
        unit: q.unit.as_ref().map(|u| u.id.clone()),
    }
}

/// How complete the claim is: a figure alone is a weak claim, one with its counted thing,
/// its predicate and a named source a strong one.
fn confidence(counted: &Option<Counted>, predicate: &Option<Predicate>, unattributed: bool) -> f32 {
    let mut c = 0.4;
    if counted.is_some() {
        c += 0.2;
    }
    if predicate.is_some() {
        c += 0.2;
    }
    if !unattributed {
        c += 0.15;
    }
    c
}
