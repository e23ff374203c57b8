//! The verb of a figure's clause, for figures whose event the predicate lexicon does not
//! name: "deux hommes se sont introduits", "ont pris en otages six personnes", "une
//! trentaine de vols annulés". Such a verb says that something happened (category `other`)
//! unless it is a verb of state ("compte", "représente", "s'élève à"), whose figure says what
//! is, not what happened.
//!
//! French has no spaces to tell verbs from nouns, and this stage has no part-of-speech
//! tagger: a verb is recognised by its shape in context, from the word lists of the
//! language's `claims-predicates.toml` (`[verbs]`): an auxiliary then a participle ending,
//! a reflexive pronoun then a word, or a finite ending no noun has.

use recoupe_model::Span;
use std::collections::BTreeMap;

use super::lexicon::{Lexicon, Verbs, WordSet};
use super::tokens::{Token, token_at};

/// How many tokens from the figure a clause verb may stand.
const REACH: usize = 12;

/// How many words may stand between a participle and the "par" of its agent.
const AGENT_GAP: usize = 4;

/// Most words of the whole a figure is taken from past its number ("écoles primaires
/// publiques").
const WHOLE_WORDS: usize = 4;

/// Most words of an aside between commas that may stand between a verb and its object
/// ("en flagrant délit").
const OBJECT_ASIDE: usize = 4;

/// How many words may close a coordinated figure's object before "et" and the next figure.
const COORDINATED_GAP: usize = 5;

/// A verb found in a figure's clause.
#[derive(Debug, Clone)]
pub struct Found {
    pub span: Span,
    /// A verb of state: the figure reports no event.
    pub state: bool,
    pub rule: &'static str,
}

/// The verb nearest to the figure in its clause: after it first (the figure as subject,
/// past its counted noun), then before it (the figure as object). `figures` are the token
/// ranges of the sentence's figures: the clause of one figure ends at the next. `cues` are
/// the token ranges of speech verbs ("a expliqué", "a indiqué"): they tell who speaks, not
/// what happened, and end the search. `nouns` are the token ranges of the sentence's
/// counted nouns: a noun is no verb, whatever its ending ("de députés conservateurs").
pub fn find(
    lex: &Lexicon,
    tokens: &[Token],
    (a, b): (usize, usize),
    figures: &[(usize, usize, bool)],
    cues: &[(usize, usize)],
    nouns: &[(usize, usize)],
) -> Option<Found> {
    let in_cue = |i: usize| cues.iter().any(|&(x, y)| (x..y).contains(&i));
    let is_noun = |i: usize| nouns.iter().any(|&(x, y)| (x..y).contains(&i)) || is_name(tokens, i);
    let v = &lex.verbs;
    let subset = figures.iter().any(|&(x, _, starts)| x == a && starts);
    // A subset figure ("dont 20 enfants") stands inside its parent's clause.
    let other_figure = |i: usize| {
        figures
            .iter()
            .any(|&(x, y, subset)| !subset && x != a && (x..y.max(x + 1)).contains(&i))
    };
    // Where another figure starting at token `i` ends.
    let other_figure_end = |i: usize| {
        figures
            .iter()
            .find(|&&(x, _, _)| x == i && x != a)
            .map(|&(_, end, _)| end)
    };
    // A participle right after the figure's noun ("2 000 soldats déployés en Syrie") is its
    // event before any verb earlier in the sentence, and before a verb past a comma ("un
    // million de matelas vendus, La Compagnie … s'affiche").
    let after_noun = || participles_after(lex, tokens, b, is_noun).next();
    // A verb of state opening the figure as its qualifier is the figure's verb: "La fressure
    // dépasse les 2 500 dinars, les abats … sont cédés".
    if let Some(found) = state_at(v, tokens, a) {
        return Some(found);
    }
    // "qui était de 300 tonnes, a triplé": "être" and "de" state the amount, whatever verb
    // follows.
    if a >= 2
        && tokens
            .get(a - 1)
            .is_some_and(|t| is(&v.copula_links, &t.key))
        && let Some(copula) = tokens
            .get(a - 2)
            .filter(|t| t.is_word && is(&v.copulas_before_de, &t.key))
    {
        return Some(Found {
            span: Span::new(copula.start, copula.end),
            state: true,
            rule: "predicate/state-verb",
        });
    }
    // A verb and its "de" measure a change by the figure: "le nombre d'étudiants a baissé de
    // 8 % entre 2010 et 2015 et le gouvernement identifie"; a verb after it is another
    // clause's. Not a verb of telling: "parlent de quatre personnes soupçonnées".
    if let Some(k) = a.checked_sub(2)
        && tokens
            .get(k + 1)
            .is_some_and(|t| is(&v.copula_links, &t.key))
        && !is_noun(k)
        && !in_cue(k)
        && tokens.get(k).is_some_and(|t| {
            !is(&v.speech, &t.key)
                && !v.forms.is_form_of(&t.key, &v.reporting_infinitives)
                && !v.forms.is_form_of(&t.key, &v.topic_infinitives)
        })
        && let Some(found) = backward_at(v, tokens, k).filter(|f| !f.state)
    {
        return Some(found);
    }
    // A verb right before the figure takes it as its object ("mobilisant 2500 gendarmes",
    // "espère 250 000 spectateurs", past adverbs: "attire chaque année deux millions de
    // touristes"): a verb after the object belongs to another clause.
    // A quotation may open between them: "ont vu « deux personnes gisant au sol »".
    let before_object = (a.saturating_sub(OBJECT_ADVERBS)..a)
        .rev()
        .find(|&k| {
            tokens
                .get(k)
                .is_none_or(|t| !is(&v.object_adverbs, &t.key) && !opens_quote(t))
        })
        .or_else(|| a.checked_sub(1));
    if let Some(k) = before_object
        && !is_noun(k)
        && !in_cue(k)
        && tokens.get(k).is_some_and(|t| !is(&v.speech, &t.key))
        && !reports_count(v, tokens, k)
        && let Some(found) = backward_at(v, tokens, k)
            .or_else(|| finite_after_name(v, tokens, k))
            // A verb of state takes its figure too ("peuvent atteindre 25 km/h"), but not
            // "être" and "avoir": "il y a 300 personnes qui attendent".
            .filter(|f| !f.state || tokens.get(k).is_some_and(|t| !is(&v.auxiliaries, &t.key)))
            .or_else(|| gerund_at(v, tokens, k))
    {
        return Some(found);
    }
    // So does one before a short aside between commas, when the figure has no verb of its
    // own after it: "ont réussi à arrêter, en flagrant délit, trois individus".
    let noun_end = (b..b + 4)
        .take_while(|&k| is_noun(k))
        .last()
        .map_or(b, |k| k + 1);
    let own_verb_next = tokens.get(noun_end).is_some_and(|t| {
        is(&v.auxiliaries, &t.key) || v.forms.get(&t.key).is_some_and(|c| c.finite())
    });
    if !own_verb_next
        && let Some(close) = a
            .checked_sub(1)
            .filter(|&k| tokens.get(k).is_some_and(|t| t.key == ","))
        && let Some(open) = (close.saturating_sub(OBJECT_ASIDE + 1)..close)
            .rev()
            .find(|&k| tokens.get(k).is_some_and(|t| t.key == ","))
        && (open + 1..close).all(|k| {
            tokens.get(k).is_some_and(|t| {
                t.is_word && forward_at(v, tokens, k).is_none() && !is(&v.speech, &t.key)
            })
        })
        && let Some(k) = open.checked_sub(1)
        && !is_noun(k)
        && !in_cue(k)
        && tokens
            .get(k)
            .is_some_and(|t| t.is_word && !is(&v.speech, &t.key))
        && !reports_count(v, tokens, k)
        && let Some(found) = backward_at(v, tokens, k).filter(|f| !f.state)
    {
        return Some(found);
    }
    // A count of times right after a participle counts that event: "les affirmations
    // erronées ou trompeuses répétées plus de 20 fois".
    if super::counted::counts_times(lex, tokens, b)
        && let Some(k) = a.checked_sub(1)
        && !is_noun(k)
        && !after_determiner(v, tokens, k)
        && let Some(t) = tokens.get(k).filter(|t| {
            t.is_word
                && !is(&v.auxiliaries, &t.key)
                && v.forms
                    .get(&t.key)
                    .is_some_and(|c| c.past_participle() && !c.finite())
        })
    {
        return backward_at(v, tokens, k)
            .filter(|f| !f.state)
            .or(Some(event(
                t.start,
                t.end,
                "predicate/participle-before-times",
            )));
    }
    // "Nous avons entre 2500 et 3000 fidèles", "le couple qui a trois enfants venait de":
    // "avoir" after a subject pronoun or "qui" has the figure as what the subject owns, a
    // state; a verb after it is another clause's ("et les gens
    // n'aiment pas prier"). Not "il y a", which presents the figure as a subject.
    if let Some(k) = a.checked_sub(1)
        && let Some(t) = tokens.get(k)
        && t.is_word
        && v.forms.is_form_of(&t.key, &v.active_auxiliaries)
        && k.checked_sub(1)
            .and_then(|p| tokens.get(p))
            .is_some_and(|p| is(&v.subject_pronouns, &p.key) || is(&v.subject_relatives, &p.key))
    {
        return Some(Found {
            span: Span::new(t.start, t.end),
            state: true,
            rule: "predicate/state-verb",
        });
    }
    // In a list of figures each with its participle ("se soldant par 300 bâtiments
    // vandalisés, 10 000 véhicules incendiés et 56 policiers blessés"), the participle right
    // after the figure's noun is its own event, before the verb whose agent the figure is.
    let next_figure = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.key == "," || is(&v.coordinators, &t.key))
            && figures.iter().any(|&(x, _, _)| x == k + 1)
    };
    if let Some(found) = (b..(b + 3).min(tokens.len()))
        .take_while(|&k| tokens.get(k).is_some_and(|t| t.is_word))
        .find(|&k| !is_noun(k))
        .filter(|&k| (b..k).all(is_noun) && next_figure(k + 1))
        .and_then(|k| participle_after_noun(lex, tokens, k))
        .filter(|f| !f.state)
    {
        return Some(found);
    }
    // The figure is the agent of the participle right before "par": "supervisés par 12
    // magistrats".
    if let Some(marker) = a.checked_sub(1)
        && let Some(found) =
            passive_agent(lex, tokens, marker).filter(|f| !f.state && !is_noun(marker - 1))
    {
        return Some(found);
    }
    // "déjà condamné pour neuf meurtres": what the participle was for.
    if let Some(marker) = a.checked_sub(1)
        && let Some(found) = cause_of_participle(lex, tokens, marker)
    {
        return Some(found);
    }
    // After: the first verb of the clause. A figure in a phrase that opens the sentence is
    // no subject: the clause after its comma has one of its own ("Lors de deux procès
    // récents, des hommes ont été accusés").
    let fronted = fronted_phrase(v, tokens, a);
    let mut comma = false;
    let mut epithet_state: Option<Found> = None;
    let mut i = b;
    let mut limit = b + REACH;
    // A count of times tells how often the verb before it happened ("aurait été versée en
    // quatre fois à Rachida Dati atteindrait"): the verb after is another subject's; but
    // not from an aside between commas ("80 élèves par promotion, deux fois par année,
    // intègrent").
    let aside = a
        .checked_sub(1)
        .and_then(|k| tokens.get(k))
        .is_some_and(|t| t.key == ",");
    if super::counted::counts_times(lex, tokens, b) && !aside {
        limit = b;
    }
    // "la production, laquelle s'élève à 44 000 quintaux, provient": a figure in a relative
    // clause opened after a comma has no verb past the comma that closes the clause.
    let in_relative_clause = (a.saturating_sub(REACH)..a)
        .rev()
        .take_while(|&k| tokens.get(k).is_some_and(|t| t.key != ","))
        .any(|k| {
            tokens
                .get(k)
                .is_some_and(|t| is(&v.subject_relatives, &t.key))
                && k.checked_sub(1)
                    .and_then(|j| tokens.get(j))
                    .is_some_and(|w| w.key == ",")
        });
    while i < tokens.len() && i < limit {
        let t = tokens.get(i)?;
        if in_relative_clause && t.key == "," {
            break;
        }
        // Quotation marks take no room of the reach: "Trois « hommes volants », équipés
        // d'ailes propulsées par des réacteurs, ont évolué".
        if t.is_quote_mark() {
            limit += 1;
        }
        // An editor's word in square brackets restores the quotation's grammar, it ends no
        // clause: "les « 10 000 élèves [qui] sortent de notre système »".
        if t.key == "["
            && let Some(close) = (i + 1..(i + 4).min(tokens.len()))
                .find(|&k| tokens.get(k).is_some_and(|w| w.key == "]"))
            && (i + 1..close).all(|k| tokens.get(k).is_some_and(|w| w.is_word))
        {
            limit += close + 1 - i;
            i = close + 1;
            continue;
        }
        // An aside in brackets right after the figure and its noun is stepped over: "six
        // employés sur dix (soit 59 %) avouent".
        if t.key == "("
            && (b..i).all(|k| is_noun(k) || tokens.get(k).is_some_and(|w| w.is_word))
            && let Some(close) = (i + 1..(i + ASIDE_REACH).min(tokens.len()))
                .find(|&k| tokens.get(k).is_some_and(|w| w.key == ")"))
        {
            // However long the aside, a verb right after it is still in reach: "six d'entre
            // eux (Espagne, France, Allemagne, Royaume-Uni, Portugal, Pays-Bas) ont donné".
            limit = limit.max(close + 1 + AFTER_ASIDE);
            i = close + 1;
            continue;
        }
        // So is one between dashes: "trois patrouilles - de six policiers au total - doivent
        // garder".
        if is(&v.aside_dashes, &t.key)
            && i > b
            && (b..i).all(|k| is_noun(k) || tokens.get(k).is_some_and(|w| w.is_word))
            && let Some(close) = (i + 1..(i + ASIDE_REACH).min(tokens.len()))
                .take_while(|&k| tokens.get(k).is_some_and(|w| w.is_word || w.key == t.key))
                .find(|&k| tokens.get(k).is_some_and(|w| w.key == t.key))
        {
            limit = limit.max(close + 1 + AFTER_ASIDE);
            i = close + 1;
            continue;
        }
        // So are appositions between commas with no verb, when a verb follows the last comma:
        // "deux anciens maires hutus de la commune de Kabarondo, Tito Barahira et Octavien
        // Ngenzi, ont écopé de la perpétuité".
        if t.key == ","
            && i > b
            && (b..i).all(|k| is_noun(k) || tokens.get(k).is_some_and(|w| w.is_word))
            && let Some(last) = apposition_end(v, tokens, i, &other_figure)
        {
            limit = limit.max(last + 1 + AFTER_ASIDE);
            i = last + 1;
            continue;
        }
        // So is an aside naming a source, up to its comma: "27 000 selon les organisateurs,
        // ont défilé".
        if let Some(comma) = source_aside_end(v, tokens, i, b + REACH) {
            i = comma + 1;
            continue;
        }
        // A relative clause between commas on the figure's noun is stepped over, its verb
        // with it: "40 % de la production, laquelle s'élève à 44 000 quintaux, provient".
        if i > b
            && tokens.get(i - 1).is_some_and(|w| w.key == ",")
            && is(&v.subject_relatives, &t.key)
            && let Some(comma) = (i + 1..(i + ASIDE_REACH).min(tokens.len()))
                .take_while(|&k| {
                    tokens
                        .get(k)
                        .is_some_and(|w| w.is_word || w.key == "," || w.is_quote_mark())
                })
                // Not the decimal comma of a figure inside the clause ("1,2 milliard").
                .find(|&k| tokens.get(k).is_some_and(|w| w.key == ",") && !other_figure(k))
        {
            limit += comma + 1 - i;
            i = comma + 1;
            continue;
        }
        // And an aside of examples with no verb after "dont", with its length: "cinq anciens
        // membres du diocèse, dont l'archevêque d'Auch et l'évêque de Nevers, sont
        // convoqués".
        if i > b
            && tokens.get(i - 1).is_some_and(|w| w.key == ",")
            && is(&v.relative_pronouns, &t.key)
            && let Some(comma) = (i + 1..(i + ASIDE_REACH).min(tokens.len()))
                .take_while(|&k| {
                    // Brackets may hold a gloss: "dont les huit d'Île-de-France (région
                    // parisienne), le Nord et le Rhône, ont activé".
                    tokens.get(k).is_some_and(|w| {
                        matches!(w.key.as_ref(), "," | "(" | ")")
                            || (w.is_word && forward_at(v, tokens, k).is_none())
                    }) && !(other_figure(k) && k == i + 1)
                })
                .find(|&k| tokens.get(k).is_some_and(|w| w.key == ","))
        {
            limit += comma + 1 - i;
            i = comma + 1;
            continue;
        }
        // A subordinate clause after the figure's own is another clause ("alors que …").
        // So does a subject pronoun: its clause has a subject of its own ("qui attire deux
        // millions de touristes, il est fermé").
        let partitive = i
            .checked_sub(1)
            .and_then(|k| tokens.get(k))
            .is_some_and(|w| is(&v.partitive_markers, &w.key));
        let opens_clause = i > b
            && (is(&v.complementizers, &t.key)
                || is(&v.clause_coordinators, &t.key)
                || elided_if(v, tokens, i)
                || opens_relative(v, tokens, i)
                || (is(&v.subject_pronouns, &t.key) && !partitive)
                || relative_of_later_noun(v, tokens, (b, i), is_noun, |k| {
                    figures.iter().any(|&(x, _, _)| x == k)
                }));
        if is(&v.qualifying_before_de, &t.key) {
            i += 1;
            continue;
        }
        // A figure after a participle and its "de" qualifies the figure's noun ("21
        // associations issues de huit pays ont lancé"): stepped over with its noun; so is
        // the agent of a participle ("une centaine d'enquêteurs supervisés par 12 magistrats
        // du parquet ont procédé").
        if i > b + 1
            && other_figure(i)
            && tokens
                .get(i - 1)
                .is_some_and(|w| is(&v.copula_links, &w.key) || is(&v.agent_markers, &w.key))
            && tokens.get(i - 2).is_some_and(|w| {
                (is(&v.qualifying_before_de, &w.key)
                    || v.forms.get(&w.key).is_some_and(|c| c.past_participle()))
                    && !is_noun(i - 2)
            })
            && let Some(&(_, end, _)) = figures.iter().find(|&&(x, _, _)| x == i)
        {
            // The figure and its noun take no room of the reach.
            let next = (end..tokens.len()).find(|&k| !is_noun(k)).unwrap_or(end);
            limit += next - i;
            i = next;
            continue;
        }
        // So is a figure in a complement of the figure's noun, with no verb or punctuation
        // before it: "Deux sessions de formation au profit de 380 apiculteurs de la wilaya
        // avaient été organisées".
        if i > b + 1
            && !subset
            && other_figure(i)
            && tokens
                .get(i - 1)
                .is_some_and(|w| is(&v.copula_links, &w.key))
            && (b..i - 1).all(|k| {
                is_noun(k)
                    || tokens.get(k).is_some_and(|w| {
                        w.is_word
                            && !is(&v.auxiliaries, &w.key)
                            && !is(&v.relative_pronouns, &w.key)
                            && !is(&v.subject_relatives, &w.key)
                            && !is(&v.coordinators, &w.key)
                            && !v
                                .forms
                                .get(&w.key)
                                .is_some_and(|c| c.finite() || c.past_participle())
                    })
            })
            && let Some(&(_, end, _)) = figures.iter().find(|&&(x, _, _)| x == i)
        {
            let next = (end..tokens.len()).find(|&k| !is_noun(k)).unwrap_or(end);
            limit += next - i;
            i = next;
            continue;
        }
        // A count of times between the figure and its verb tells how often, it is no subject
        // of its own: "Environ 80 élèves par promotion, deux fois par année, intègrent".
        if let Some(end) = other_figure_end(i)
            && super::counted::multiplier_at(lex, tokens, end)
        {
            limit += end + 1 - i;
            i = end + 1;
            continue;
        }
        // A figure joined by "et" or "ou" is a second subject of the same verb: "293 foyers
        // à hay Chouakria et 482 autres à hay Tegagra ont été raccordés"; not for a subset,
        // a figure with no noun of its own ("37 à l'arrêt et 139 n'ont jamais démarré") or
        // one whose noun has its participle ("1522 foyers privés d'électricité et 6
        // communes sont privées d'eau").
        if i > b
            && !fronted
            && !subset
            && tokens
                .get(i - 1)
                .is_some_and(|w| is(&v.coordinators, &w.key) && !is(&v.clause_coordinators, &w.key))
            && let Some(&(_, end, _)) = figures.iter().find(|&&(x, _, s)| x == i && !s && x != a)
            && (b..b + 2).any(&is_noun)
            && after_noun().is_none()
        {
            let next = (end..tokens.len()).find(|&k| !is_noun(k)).unwrap_or(end);
            // A participle after the last noun is the whole list's: "sur 131 hommes et six
            // femmes condamnés".
            if next > end
                && let Some(found) = participle_after_noun(lex, tokens, next).filter(|f| !f.state)
            {
                return Some(found);
            }
            limit += next - i;
            i = next;
            continue;
        }
        // The whole the figure is taken from is stepped over with its noun, its adjectives
        // and a comma: "60 salles de soins sur les 84 existantes, ont été programmées".
        if let Some(end) = other_figure_end(i)
            && super::counted::whole_of(lex, tokens, b, i)
        {
            let mut j = end;
            while j < end + WHOLE_WORDS
                && tokens.get(j).is_some_and(|w| {
                    is_noun(j)
                        || (w.is_word
                            && !is(&v.auxiliaries, &w.key)
                            && !is(&v.coordinators, &w.key)
                            && !is(&v.subject_relatives, &w.key)
                            && !v.forms.get(&w.key).is_some_and(|c| c.finite()))
                })
            {
                j += 1;
            }
            if tokens.get(j).is_some_and(|w| w.key == ",") {
                j += 1;
            }
            limit += j - i;
            i = j;
            continue;
        }
        // A place's distance from another between commas is stepped over: "Des centaines de
        // citoyens d'El-Harrouch, une trentaine de kilomètres au sud-ouest de Skikda, se sont
        // rassemblés".
        if i > b
            && tokens.get(i - 1).is_some_and(|w| w.key == ",")
            && let Some(end) = other_figure_end(i)
            && let Some(comma) = distance_aside_end(lex, tokens, end, &is_noun)
        {
            limit += comma + 1 - i;
            i = comma + 1;
            continue;
        }
        // Another source's count of the same, with its source between commas, is stepped
        // over: "50 000 personnes selon les organisateurs, 7400 selon la police, ont
        // participé".
        if i > b
            && tokens.get(i - 1).is_some_and(|w| w.key == ",")
            && let Some(end) = other_figure_end(i)
            && let Some(comma) = source_aside_end(v, tokens, end, end + REACH)
        {
            limit += comma + 1 - i;
            i = comma + 1;
            continue;
        }
        // A verb of speech whose subject the figure is tells what its people said: "deux
        // députés du parti ont réclamé « une pause »". Past a comma it is an incise, the
        // teller's ("trois morts, a indiqué la police").
        if i > b
            && !comma
            && !fronted
            && !opens_clause
            && let Some(&(x, y)) = cues.iter().find(|&&(x, _)| x == i)
            && (b..x).all(|k| {
                is_noun(k)
                    || tokens.get(k).is_some_and(|w| {
                        w.is_word && !is(&v.speech, &w.key) && !is(&v.coordinators, &w.key)
                    })
            })
            // A conjugated verb, no "selon", colon or infinitive of purpose ("pour réclamer").
            && tokens
                .get(x)
                .is_some_and(|w| v.forms.get(&w.key).is_some_and(|c| c.finite()))
            && let (Some(first), Some(last)) = (tokens.get(x), y.checked_sub(1).and_then(|k| tokens.get(k)))
        {
            return Some(event(first.start, last.end, "predicate/other-speech-verb"));
        }
        if ends_clause(v, tokens, i)
            || (fronted && t.key == ",")
            || other_figure(i)
            || in_cue(i)
            || is(&v.speech, &t.key)
            || opens_clause
        {
            break;
        }
        // A participle of state right after the noun is its epithet, the verb comes after:
        // "deux de ses homologues concernés introduiraient un recours".
        let epithet = i > b
            && is_noun(i - 1)
            && tokens
                .get(i)
                .and_then(|t| v.forms.get(&t.key))
                .is_some_and(|c| c.past_participle() && !c.finite());
        let found = (!is_noun(i))
            .then(|| forward_at(v, tokens, i))
            .flatten()
            // Past an epithet only a conjugated verb is the figure's ("datées de mardi et
            // diffusées jeudi" are both epithets).
            .filter(|_| epithet_state.is_none() || v.forms.get(&t.key).is_some_and(|c| c.finite()));
        if let Some(state) = found.as_ref().filter(|f| f.state && epithet) {
            // Kept in case no verb follows: then the epithet's state is the figure's.
            epithet_state.get_or_insert(state.clone());
        } else if let Some(found) = found {
            // Past a comma or a relative pronoun the verb may be another noun's: "Des
            // milliers d'enfants libérés du bec-de-lièvre qui les défiguraient".
            let relative = (b..i).any(|k| {
                tokens
                    .get(k)
                    .is_some_and(|w| is(&v.subject_relatives, &w.key))
            });
            // A relative clause on the figure's noun describes it; the main verb after it is
            // the figure's: "90 % des femmes qui prennent les transports en commun
            // considèrent avoir été victimes".
            let own_relative = !comma
                && (b..i).any(|k| {
                    tokens
                        .get(k)
                        .is_some_and(|w| is(&v.subject_relatives, &w.key))
                        // Adjectives and a second noun may stand between the noun and its
                        // relative ("des ingénieurs et de scientifiques américains qui"), no
                        // verb.
                        && (b..k).any(&is_noun)
                        // "avec quelques centaines de salariés et qui ont": a relative after a
                        // coordinator goes on with an earlier noun's.
                        && !k.checked_sub(1).and_then(|j| tokens.get(j)).is_some_and(|w| is(&v.coordinators, &w.key))
                        && (b..k).all(|j| {
                            tokens.get(j).is_some_and(|w| {
                                w.is_word
                                    && (is_noun(j)
                                        || !v
                                            .forms
                                            .get(&w.key)
                                            .is_some_and(|c| c.finite() && c.only_verb()))
                            })
                        })
                });
            if own_relative
                && let Some(main) = main_verb_after_relative(
                    v,
                    tokens,
                    token_at(tokens, found.span.end),
                    limit + REACH,
                )
                .filter(|m| !m.state)
            {
                return Some(main);
            }
            if comma || relative {
                // Another noun's verb: the epithet stays the figure's.
                if let Some(state) = epithet_state {
                    return Some(state);
                }
            }
            return match after_noun().filter(|_| comma || relative) {
                Some(participle) => Some(participle),
                None => Some(found),
            };
        }
        comma |= t.key == ",";
        i += 1;
    }
    if let Some(state) = epithet_state {
        return Some(state);
    }
    if let Some(found) = after_noun() {
        return Some(found);
    }
    // A gerund right before the figure governs it: "arrêtant plus de 55 000 personnes".
    if let Some(found) = a.checked_sub(1).and_then(|k| gerund_at(v, tokens, k)) {
        return Some(found);
    }
    // "Elle parlera ensuite d'au moins trois violeurs": the figure after a verb of telling
    // and its "de" is what is told about, no event of the verb's.
    let topic = a
        .checked_sub(1)
        .and_then(|k| tokens.get(k))
        .is_some_and(|t| is(&v.copula_links, &t.key))
        && (0..a.saturating_sub(1))
            .rev()
            .find(|&k| tokens.get(k).is_none_or(|t| !is(&v.object_adverbs, &t.key)))
            .and_then(|k| tokens.get(k))
            .is_some_and(|t| v.forms.is_form_of(&t.key, &v.topic_infinitives));
    if topic {
        return None;
    }
    // Before: the nearest verb of the clause, read backwards, from the first of the figures
    // this one is coordinated with ("sont cédés à 800 et 500 dinars").
    let mut start = a;
    while let Some(join) = start.checked_sub(1)
        && tokens
            .get(join)
            .is_some_and(|t| t.key == "," || lex.ellipsis_joins.contains(&t.key))
        && let Some(&(x, _, _)) = figures.iter().find(|&&(_, y, _)| {
            // Right before the join, or its noun is: "à 404 députés et 244 sénateurs"; or a
            // short phrase with no verb and no comma ends the first one's object before a
            // coordinator ("envoyé plus de 40 containers vers le Yemen et 11 containers").
            y == join
                || nouns
                    .iter()
                    .any(|&(nx, ny)| ny == join && (y..=y + 1).contains(&nx))
                || (y < join
                    && join - y <= COORDINATED_GAP
                    && tokens
                        .get(join)
                        .is_some_and(|t| t.key == "," || is(&v.coordinators, &t.key))
                    && (y..join).all(|k| {
                        tokens.get(k).is_some_and(|t| t.is_word)
                            && !other_figure(k)
                            && forward_at(v, tokens, k).is_none()
                    }))
        })
    {
        start = x;
    }
    let a = start;
    let mut i = a;
    while i > 0 && i + REACH > a {
        i -= 1;
        let t = tokens.get(i)?;
        if ends_clause(v, tokens, i) || other_figure(i) || in_cue(i) || is(&v.speech, &t.key) {
            break;
        }
        // A verb before "où", "que" or "lorsque" is another clause's: "se sont déplacés sur
        // les lieux, où se trouvaient 70 pompiers".
        if !subset && opens_subordinate(v, tokens, i) {
            break;
        }
        // The figure is the agent of the participle before "par": "les projectiles lancés
        // par un groupe de quelque 70 zadistes"; not past a comma ("l'appartement occupé par
        // les deux hommes à Marseille, trois kilos").
        if let Some(found) = passive_agent(lex, tokens, i).filter(|_| {
            !is_noun(i - 1) && !(i..a).any(|k| tokens.get(k).is_some_and(|t| t.key == ","))
        }) {
            return Some(found);
        }
        if !is_noun(i)
            && let Some(found) = backward_at(v, tokens, i)
                .or_else(|| gerund_back_at(v, tokens, i, &lex.gerund_category))
        {
            return Some(found);
        }
    }
    None
}

/// A gerund or present participle at token `i` ("arrêtant"), not a noun after a determiner.
fn gerund_at(v: &Verbs, tokens: &[Token], i: usize) -> Option<Found> {
    let t = tokens.get(i).filter(|t| t.is_word && !is_name(tokens, i))?;
    (is_present_participle(v, &t.key) && !after_determiner(v, tokens, i))
        .then(|| event(t.start, t.end, "predicate/other-gerund"))
}

/// Whether token `i` is a gerund: a present participle right after "en" ("en saisissant").
pub fn gerund_after_marker(v: &Verbs, tokens: &[Token], i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|k| tokens.get(k))
        .is_some_and(|w| is(&v.gerund_markers, &w.key))
        && tokens
            .get(i)
            .is_some_and(|t| t.is_word && is_present_participle(v, &t.key))
}

/// A gerund some words before the figure: "en désactivant les commentaires sur des dizaines
/// de millions de vidéos". Only after "en", a form that is nothing but a verb, or a gerund
/// of a known event ("blessant un standardiste et deux gardiens": `gerund_category`):
/// present participles are often adjectives or nouns ("important", "roulant",
/// "l'assaillant").
fn gerund_back_at(
    v: &Verbs,
    tokens: &[Token],
    i: usize,
    events: &BTreeMap<String, String>,
) -> Option<Found> {
    let t = tokens.get(i)?;
    let after_en = i
        .checked_sub(1)
        .and_then(|k| tokens.get(k))
        .is_some_and(|w| is(&v.gerund_markers, &w.key));
    let verb_only = v.forms.get(&t.key).is_some_and(|c| c.only_verb());
    let event = events.contains_key(t.key.as_str());
    if !(after_en || verb_only || event) || is_modal(v, &t.key) || reports_count(v, tokens, i) {
        return None;
    }
    gerund_at(v, tokens, i)
}

/// Whether the verb ending at token `i` reports a count ("a dénombré", "recense").
fn reports_count(v: &Verbs, tokens: &[Token], i: usize) -> bool {
    tokens
        .get(i)
        .is_some_and(|t| v.reporting.iter().any(|r| t.key.starts_with(r.as_str())))
}

/// The participle whose cause follows the "pour" at token `marker` ("condamné pour neuf
/// meurtres", "mis en examen pour 70 infractions"): only a participle, a word or two
/// before.
fn cause_of_participle(lex: &Lexicon, tokens: &[Token], marker: usize) -> Option<Found> {
    let by = tokens.get(marker)?;
    if !is(&lex.verbs.cause_markers, &by.key) {
        return None;
    }
    let (k, mut found) =
        participle_before(lex, tokens, marker, CAUSE_GAP).filter(|(_, f)| !f.state)?;
    // "mis en examen pour": the phrase is the event, up to its "pour".
    if tokens.get(k + 1).is_some_and(|t| t.key == "en")
        && let Some(last) = tokens.get(marker - 1)
    {
        found.span = Span::new(found.span.start, last.end);
    }
    Some(Found {
        rule: "predicate/other-participle-cause",
        ..found
    })
}

/// How many adverbs may stand between a verb and its object figure ("chaque année").
const OBJECT_ADVERBS: usize = 3;

/// How many words before its "pour" a participle may stand ("mis en examen pour").
const CAUSE_GAP: usize = 3;

/// The participle whose agent follows the "par" at token `marker` ("lancés par").
pub fn passive_agent(lex: &Lexicon, tokens: &[Token], marker: usize) -> Option<Found> {
    let by = tokens.get(marker)?;
    if !is(&lex.verbs.agent_markers, &by.key) {
        return None;
    }
    // The participle may stand a few words before its "par": "reconnu président par intérim
    // par une cinquantaine de pays", "blessé à la tête par deux hommes".
    let (_, found) = participle_before(lex, tokens, marker, AGENT_GAP)?;
    Some(Found {
        rule: "predicate/other-passive-agent",
        ..found
    })
}

/// The nearest participle at most `gap` words before the marker at token `marker`, with its
/// index; with its auxiliary when it has one and tells an event ("a été condamné mercredi
/// par").
fn participle_before(
    lex: &Lexicon,
    tokens: &[Token],
    marker: usize,
    gap: usize,
) -> Option<(usize, Found)> {
    (marker.saturating_sub(gap)..marker)
        .rev()
        .take_while(|&k| tokens.get(k).is_some_and(|t| t.is_word))
        .find_map(|k| {
            let participle = participle_after_noun(lex, tokens, k)?;
            let compound = backward_at(&lex.verbs, tokens, k)
                .filter(|c| c.rule == "predicate/other-compound-verb" && !participle.state);
            Some((k, compound.unwrap_or(participle)))
        })
}

/// Whether token `i` opens a subordinate clause: "où", "lorsque", a "que" that neither
/// restricts nor joins.
pub fn opens_subordinate(v: &Verbs, tokens: &[Token], i: usize) -> bool {
    let Some(t) = tokens.get(i) else {
        return false;
    };
    // "alors" alone is an adverb ("sont alors mobilisés"); "alors que" opens the clause.
    let adverb =
        is(&v.before_que, &t.key) && !tokens.get(i + 1).is_some_and(|n| is(&v.que_forms, &n.key));
    (is(&v.complementizers, &t.key) && !adverb && !que_opens_no_clause(v, tokens, i))
        || elided_if(v, tokens, i)
}

/// Whether token `i` is a "dont" or a "qui" that opens a relative clause with a verb of its
/// own before token `a`: "seront mobilisés pour le scrutin, dont le premier tour s'annonce
/// serré entre quatre candidats", "nous nous sommes déplacés dans ce quartier qui abrite des
/// centaines de villas".
pub fn relative_with_verb(v: &Verbs, tokens: &[Token], i: usize, a: usize) -> bool {
    tokens
        .get(i)
        .is_some_and(|t| is(&v.relative_pronouns, &t.key) || is(&v.subject_relatives, &t.key))
        && (i + 1..a).any(|k| forward_at(v, tokens, k).is_some())
}

/// The comma that closes an aside naming a source opened at token `i` ("selon la
/// préfecture,"), if one stands before token `limit`.
pub fn source_aside_end(v: &Verbs, tokens: &[Token], i: usize, limit: usize) -> Option<usize> {
    let opens = v.source_asides.at(tokens, i).is_some();
    if !opens {
        return None;
    }
    (i + 1..limit.min(tokens.len()))
        .take_while(|&k| tokens.get(k).is_some_and(|t| t.is_word || t.key == ","))
        .find(|&k| tokens.get(k).is_some_and(|t| t.key == ","))
}

/// The last comma of appositions of names opened by the comma at token `i` (capitalized
/// words and their connectors, no figure), when a conjugated verb follows it.
fn apposition_end(
    v: &Verbs,
    tokens: &[Token],
    i: usize,
    other_figure: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let mut k = i + 1;
    while k < (i + 1 + APPOSITION_REACH).min(tokens.len()) {
        let t = tokens.get(k)?;
        if t.key == "," {
            if k > i + 1 && v.is_conjugated(&tokens.get(k + 1)?.key) {
                return Some(k);
            }
        } else if !(t.is_word && (t.capitalized || is(&v.name_connectors, &t.key)))
            || other_figure(k)
        {
            return None;
        }
        k += 1;
    }
    None
}

/// Most tokens of appositions between commas that a figure's verb may stand past.
const APPOSITION_REACH: usize = 24;

/// Most words from a distance's figure to its direction ("de kilomètres au sud-ouest").
const DIRECTION_REACH: usize = 4;

/// The comma that closes a distance in apposition, whose figure ends at token `end`: its
/// noun, a direction, the place it is measured from ("une trentaine de kilomètres au
/// sud-ouest de Skikda,").
fn distance_aside_end(
    lex: &Lexicon,
    tokens: &[Token],
    end: usize,
    is_noun: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let direction = (end..end + DIRECTION_REACH)
        .take_while(|&k| {
            tokens.get(k).is_some_and(|t| {
                is_noun(k)
                    || lex.noun_links.contains(&t.key)
                    || lex.direction_links.contains(&t.key)
                    || lex.directions.contains(&t.key)
            })
        })
        .find(|&k| {
            tokens
                .get(k)
                .is_some_and(|t| lex.directions.contains(&t.key))
        })?;
    (direction + 1..direction + 1 + REACH)
        .take_while(|&k| tokens.get(k).is_some_and(|t| t.is_word || t.key == ","))
        .find(|&k| tokens.get(k).is_some_and(|t| t.key == ","))
}

/// Whether token `i` is an elided "si" before its subject pronoun: "s'ils veulent".
fn elided_if(v: &Verbs, tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_some_and(|t| is(&v.if_elisions, &t.key))
        && tokens
            .get(i + 1)
            .is_some_and(|t| is(&v.subject_pronouns, &t.key))
}

/// Whether the "que" at token `i` opens no clause: it closes a "ne … que" restriction (a
/// negation at most three words before it) or joins ("ainsi que", "plus que").
fn que_opens_no_clause(v: &Verbs, tokens: &[Token], i: usize) -> bool {
    let joins = i
        .checked_sub(1)
        .and_then(|k| tokens.get(k))
        .is_some_and(|t| is(&v.que_joins, &t.key));
    joins
        || tokens
            .get(i.saturating_sub(3)..i)
            .is_some_and(|w| w.iter().any(|t| is(&v.restrictive_negations, &t.key)))
}

/// A capitalized word after the first of its sentence is a name ("dont 40 à la Normandie"),
/// never a verb.
fn is_name(tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_some_and(|t| t.capitalized)
        && tokens
            .get(..i)
            .is_some_and(|before| before.iter().any(|w| w.is_word))
}

/// Whether token `i` ends a clause; not the dot of a title or an initial before a name ("de
/// M. Guaido", "Dr. Mukwege").
fn ends_clause(v: &Verbs, tokens: &[Token], i: usize) -> bool {
    let Some(t) = tokens.get(i) else {
        return true;
    };
    let title = || {
        t.key == "."
            && i.checked_sub(1)
                .and_then(|k| tokens.get(k))
                .is_some_and(|w| {
                    w.is_word
                        && w.capitalized
                        && (w.key.chars().nth(1).is_none() || is(&v.abbreviations, &w.key))
                })
            && tokens
                .get(i + 1)
                .is_some_and(|w| w.capitalized && w.key.starts_with(char::is_alphabetic))
    };
    !t.is_word && v.clause_ends.contains(&t.key) && !title()
}

fn is(set: &WordSet, key: &str) -> bool {
    set.contains(key)
}

/// Whether the token is an opening quotation mark ("«", "“"; a straight quote may open).
fn opens_quote(t: &Token) -> bool {
    t.is_quote_mark() && super::tokens::QUOTE_OPEN.contains(&t.key.as_str())
}

/// A verb starting at token `i`, read left to right.
fn forward_at(v: &Verbs, tokens: &[Token], i: usize) -> Option<Found> {
    let t = tokens.get(i)?;
    if !t.is_word {
        return None;
    }
    if is(&v.auxiliaries, &t.key)
        && let Some(found) = compound_from(v, tokens, i)
    {
        return Some(found);
    }
    if is_modal(v, &t.key)
        && let Some(found) = infinitive_after(v, tokens, i)
    {
        return Some(found);
    }
    if let Some(found) = state_at(v, tokens, i) {
        return Some(found);
    }
    if is(&v.reflexives, &t.key) && !elided_if(v, tokens, i) {
        let next = tokens.get(i + 1).filter(|n| n.is_word)?;
        // "s'étaient réunies": the reflexive verb is the compound that follows.
        if is(&v.auxiliaries, &next.key)
            && let Some(found) = compound_from(v, tokens, i + 1)
        {
            return Some(event(
                t.start,
                found.span.end,
                "predicate/other-reflexive-verb",
            ));
        }
        return Some(event(t.start, next.end, "predicate/other-reflexive-verb"));
    }
    finite_at(v, tokens, i)
}

/// A verb ending at token `i`, read right to left.
fn backward_at(v: &Verbs, tokens: &[Token], i: usize) -> Option<Found> {
    let t = tokens.get(i)?;
    if !t.is_word {
        return None;
    }
    let reflexive = i
        .checked_sub(1)
        .and_then(|k| tokens.get(k))
        .filter(|w| w.is_word && is(&v.reflexives, &w.key));
    if let Some(found) = reflexive.and_then(|_| state_at(v, tokens, i - 1)) {
        return Some(found);
    }
    if let Some(found) = state_at(v, tokens, i) {
        return Some(found);
    }
    if is_participle_after_auxiliary(v, &t.key) || after_avoir(v, tokens, i) {
        // Back past adverbs to an auxiliary: "ont pris en otages", "ont été retenus".
        let mut j = i;
        while j > 0 {
            j -= 1;
            let w = tokens.get(j)?;
            // A quotation may open on the participle: ont "coûté des millions".
            if w.is_quote_mark() {
                continue;
            }
            if !w.is_word {
                break;
            }
            if is(&v.auxiliaries, &w.key) {
                return Some(event(w.start, t.end, "predicate/other-compound-verb"));
            }
            // "ont détruit plusieurs bâtiments et incendié des dizaines de voitures": the
            // auxiliary of an earlier compound verb is shared.
            if is(&v.coordinators, &w.key) && shares_auxiliary(v, tokens, j) {
                return Some(event(
                    t.start,
                    t.end,
                    "predicate/other-coordinated-participle",
                ));
            }
            if !is_between(v, &w.key) {
                break;
            }
        }
    }
    if let Some(w) = reflexive {
        return Some(event(w.start, t.end, "predicate/other-reflexive-verb"));
    }
    if !is_infinitive(v, &t.key) {
        return finite_at(v, tokens, i);
    }
    // Back past the infinitive's object pronouns ("de nous fracasser", "va les licencier").
    let mut k = i;
    while k > 0
        && tokens
            .get(k - 1)
            .is_some_and(|w| is(&v.object_clitics, &w.key))
    {
        k -= 1;
    }
    let before = k.checked_sub(1).and_then(|k| tokens.get(k));
    // An infinitive after its modal: "va licencier 39 personnes", "risquent de perdre".
    let linked = before
        .filter(|w| is(&v.modal_links, &w.key))
        .and(k.checked_sub(2));
    // Past adverbs too: "devront en outre payer".
    let past_adverbs = before_adverbs(v, tokens, k)
        .filter(|&m| m + 1 < k)
        .and_then(|m| tokens.get(m));
    let modal = before
        .filter(|w| is_modal(v, &w.key))
        .or_else(|| {
            linked
                .and_then(|m| tokens.get(m))
                .filter(|w| is_modal(v, &w.key))
        })
        .or_else(|| past_adverbs.filter(|w| is_modal(v, &w.key)));
    if let Some(modal) = modal {
        return Some(event(modal.start, t.end, "predicate/other-modal-verb"));
    }
    // After a modal's participle and its auxiliary: "ont dû tirer une centaine de grenades".
    if before.is_some_and(|w| {
        is_participle_after_auxiliary(v, &w.key) && v.forms.is_form_of(&w.key, &v.modal_infinitives)
    }) && let Some(compound) =
        backward_at(v, tokens, k - 1).filter(|c| c.rule == "predicate/other-compound-verb")
    {
        return Some(event(
            compound.span.start,
            t.end,
            "predicate/other-modal-verb",
        ));
    }
    // An infinitive after a verb of intent: "compte distribuer, dans une première phase, 15
    // tricycles".
    if let Some(w) = before.filter(|w| {
        v.forms.get(&w.key).is_some_and(|c| c.finite())
            && v.forms.is_form_of(&w.key, &v.intent_infinitives)
    }) {
        return Some(event(w.start, t.end, "predicate/other-intent-verb"));
    }
    // An infinitive after a causative: "le chantier fait travailler 8000 personnes".
    if let Some(w) = before.filter(|w| is(&v.causatives, &w.key)) {
        return Some(event(w.start, t.end, "predicate/other-causative-verb"));
    }
    // An infinitive after its preposition: "conduit à séquestrer deux dirigeants".
    if before.is_some_and(|w| is(&v.infinitive_markers, &w.key)) {
        return Some(event(t.start, t.end, "predicate/other-infinitive"));
    }
    finite_at(v, tokens, i)
}

/// An auxiliary at token `i` followed (past adverbs) by a participle.
fn compound_from(v: &Verbs, tokens: &[Token], i: usize) -> Option<Found> {
    let aux = tokens.get(i)?;
    let mut j = i + 1;
    while let Some(w) = tokens.get(j) {
        if !w.is_word {
            return None;
        }
        // "ont été victimes (d'une contamination)": a noun that tells an event after "être".
        if is(&v.predicative_nouns, &w.key) {
            return Some(event(aux.start, w.end, "predicate/other-compound-verb"));
        }
        if is_participle_after_auxiliary(v, &w.key) || after_avoir(v, tokens, j) {
            if v.forms.is_form_of(&w.key, &v.state_infinitives) {
                return Some(Found {
                    span: Span::new(aux.start, w.end),
                    state: true,
                    rule: "predicate/state-verb",
                });
            }
            // "ont dû être annulés": a modal's participle tells what its infinitive does.
            if v.forms.is_form_of(&w.key, &v.modal_infinitives)
                && let Some(infinitive) = infinitive_after(v, tokens, j)
            {
                return Some(Found {
                    span: Span::new(aux.start, infinitive.span.end),
                    ..infinitive
                });
            }
            return Some(event(aux.start, w.end, "predicate/other-compound-verb"));
        }
        if !is_between(v, &w.key) && !is(&v.auxiliaries, &w.key) {
            return None;
        }
        j += 1;
    }
    None
}

/// The infinitive after a modal at token `i`, past adverbs: "devraient être libérées" (an
/// auxiliary's compound), "vont quitter". The event spans from the modal.
fn infinitive_after(v: &Verbs, tokens: &[Token], i: usize) -> Option<Found> {
    let modal = tokens.get(i)?;
    let mut j = i + 1;
    while let Some(w) = tokens.get(j) {
        if !w.is_word {
            return None;
        }
        if is(&v.auxiliaries, &w.key) {
            // "devrait être européenne": "être" or "avoir" with no participle is a state.
            return Some(match compound_from(v, tokens, j) {
                Some(compound) => {
                    event(modal.start, compound.span.end, "predicate/other-modal-verb")
                }
                None => Found {
                    span: Span::new(modal.start, w.end),
                    state: true,
                    rule: "predicate/state-verb",
                },
            });
        }
        if is_infinitive(v, &w.key) {
            return Some(event(modal.start, w.end, "predicate/other-modal-verb"));
        }
        // "risquons de nous fracasser": the preposition and the object pronouns of the
        // infinitive stand between.
        let link = is(&v.modal_links, &w.key) || is(&v.object_clitics, &w.key);
        if !is_between(v, &w.key) && !link {
            return None;
        }
        j += 1;
    }
    None
}

/// Whether the relative pronoun at token `i` opens a clause with a subject of its own:
/// "dont la majorité bénéficie", "dont il a la charge"; not a subset in apposition ("dont
/// les deux enfants de X, sont jugés", "dont une femme", "dont 20 enfants").
/// The conjugated verb that follows a relative clause whose verb ends before token `from`,
/// before token `limit`, in the same clause (no punctuation, no subordinate or relative
/// clause).
fn main_verb_after_relative(
    v: &Verbs,
    tokens: &[Token],
    from: usize,
    limit: usize,
) -> Option<Found> {
    (from..limit.min(tokens.len()))
        .take_while(|&k| {
            tokens.get(k).is_some_and(|t| {
                t.is_word
                    && !is(&v.complementizers, &t.key)
                    && !is(&v.clause_coordinators, &t.key)
                    && !is(&v.coordinators, &t.key)
                    && !is(&v.relative_pronouns, &t.key)
                    && !is(&v.subject_relatives, &t.key)
            })
        })
        .filter(|&k| {
            tokens
                .get(k)
                .and_then(|t| v.forms.get(&t.key))
                .is_some_and(|c| c.finite() && c.only_verb())
        })
        .find_map(|k| forward_at(v, tokens, k))
}

fn opens_relative(v: &Verbs, tokens: &[Token], i: usize) -> bool {
    if !tokens
        .get(i)
        .is_some_and(|t| is(&v.relative_pronouns, &t.key))
    {
        return false;
    }
    let Some(next) = tokens.get(i + 1) else {
        return false;
    };
    if is(&v.subject_pronouns, &next.key) {
        return true;
    }
    if !is(&v.relative_subject_determiners, &next.key) {
        return false;
    }
    // Its subject's verb comes before any comma.
    (i + 2..(i + 8).min(tokens.len()))
        .take_while(|&j| tokens.get(j).is_some_and(|t| t.is_word))
        .any(|j| forward_at(v, tokens, j).is_some())
}

/// Whether the figure at token `a` stands in a phrase that opens its sentence: on a
/// participle with no verb before the figure ("Dotée d'un budget de"), or on a preposition,
/// past determiners ("Lors de deux procès", "Parmi les 311 migrants"), which may follow
/// another opening phrase with no verb ("En 2017, sur les 72 tonnes").
pub fn fronted_phrase(v: &Verbs, tokens: &[Token], a: usize) -> bool {
    // A sentence that opens on a participle, an adjective or a preposition of the lists, the
    // figure before its first comma and no verb between: "Dotée d'un budget de 20 millions
    // d'euros, la chaîne se donne pour mission", "Disponible en cinq tailles différentes, les
    // articles", "Malgré une opération de prélèvement sur plus de 100 fonctionnaires, cet ADN".
    let first = (0..a).find(|&q| tokens.get(q).is_some_and(|t| t.is_word));
    if let Some(f) = first
        && (0..f).all(|q| tokens.get(q).is_some_and(|t| t.is_quote_mark()))
        && tokens.get(f).is_some_and(|t| {
            t.capitalized
                && (v.forms.get(&t.key).is_some_and(|c| c.past_participle())
                    || is(&v.fronting_adjectives, &t.key)
                    || is(&v.fronting_prepositions, &t.key))
        })
        && (f + 1..a).all(|q| {
            tokens
                .get(q)
                .is_some_and(|t| t.is_word && forward_at(v, tokens, q).is_none())
        })
    {
        return true;
    }
    let mut k = a;
    while let Some(p) = k.checked_sub(1)
        && tokens.get(p).is_some_and(|t| is(&v.fronted_links, &t.key))
    {
        k = p;
    }
    // Before the preposition: nothing, or another opening phrase with no verb and its
    // comma ("En 2017, sur les 72 tonnes exportées, 80 % sont partis").
    k.checked_sub(1).is_some_and(|p| {
        tokens
            .get(p)
            .is_some_and(|t| is(&v.fronting_prepositions, &t.key))
            && ((0..p).all(|q| tokens.get(q).is_some_and(|t| !t.is_word))
                || (p
                    .checked_sub(1)
                    .and_then(|q| tokens.get(q))
                    .is_some_and(|t| t.key == ",")
                    && (0..p)
                        .all(|q| forward_at(v, tokens, q).is_none() && !ends_clause(v, tokens, q))))
    })
}

/// Whether a compound verb stands in the clause before the coordinator at token `join`,
/// whose auxiliary a participle after the coordinator shares.
fn shares_auxiliary(v: &Verbs, tokens: &[Token], join: usize) -> bool {
    (join.saturating_sub(REACH)..join)
        .rev()
        .take_while(|&k| !ends_clause(v, tokens, k))
        .any(|k| {
            tokens
                .get(k)
                .is_some_and(|t| is_participle_after_auxiliary(v, &t.key))
                && k.checked_sub(1)
                    .and_then(|p| tokens.get(p))
                    .is_some_and(|a| is(&v.auxiliaries, &a.key))
        })
}

/// Whether the subject relative at token `i` is about the noun of a phrase between the
/// figure's noun and itself: "200 millions d'euros auprès du groupe, qui gère". The phrase
/// opens with a preposition after the last word of the figure's noun (from `b`), and is no
/// other figure ("deux bandes sur trois qui sont dégagées").
fn relative_of_later_noun(
    v: &Verbs,
    tokens: &[Token],
    (b, i): (usize, usize),
    is_noun: impl Fn(usize) -> bool,
    is_figure: impl Fn(usize) -> bool,
) -> bool {
    if !tokens
        .get(i)
        .is_some_and(|t| is(&v.subject_relatives, &t.key))
    {
        return false;
    }
    let from = (b..i).rev().find(|&k| is_noun(k)).map_or(b, |k| k + 1);
    (from..i).any(|k| {
        tokens
            .get(k)
            .is_some_and(|t| is(&v.phrase_prepositions, &t.key))
            && !is_figure(k + 1)
    })
}

/// Whether the word at `end` is an infinitive of purpose opened after token `from`: "pour
/// quitter", "afin de rentrer", "pour pouvoir les évacuer", "pour ne pas se heurter".
pub fn purpose_before(lex: &Lexicon, tokens: &[Token], from: usize, end: usize) -> bool {
    let v = &lex.verbs;
    let Some(marker) = (from..end).rev().find(|&i| {
        tokens
            .get(i)
            .is_some_and(|t| is(&v.purpose_markers, &t.key))
    }) else {
        return false;
    };
    tokens.get(marker + 1..end).is_some_and(|between| {
        between.iter().all(|t| {
            is(&v.modal_links, &t.key)
                || lex.negation_openers.contains(&t.key)
                || lex.negation_particles.contains(&t.key)
                || is(&v.object_clitics, &t.key)
                || v.modal_infinitives.contains(&t.key)
                || is_modal(v, &t.key)
        })
    })
}

/// A form that can be finite between a name and the figure is the name's verb, even when
/// it can be a noun too: "le parlement de Strasbourg réclame 330 000 euros".
fn finite_after_name(v: &Verbs, tokens: &[Token], k: usize) -> Option<Found> {
    let t = tokens.get(k).filter(|t| t.is_word && !t.capitalized)?;
    let named = k
        .checked_sub(1)
        .is_some_and(|n| is_name(tokens, n) && tokens.get(n).is_some_and(|w| w.is_word));
    let finite = v.forms.get(&t.key).is_some_and(|c| c.finite());
    (named && finite && tells_event(v, &t.key))
        .then(|| event(t.start, t.end, "predicate/other-verb-after-name"))
}

/// Whether a word read as a finite verb tells an event: modals without their infinitive,
/// auxiliaries alone, pronouns and adverbs do not.
fn tells_event(v: &Verbs, key: &str) -> bool {
    !is(&v.function_words, key)
        && !is(&v.between, key)
        && !is_modal(v, key)
        && !is(&v.object_clitics, key)
        && !is(&v.auxiliaries, key)
        && !is(&v.not_verbs, key)
}

/// The participles standing after the figure ending at token `b`, past its noun (tokens for
/// which `is_noun` holds), in text order: "2 000 soldats déployés en Syrie". Of two
/// participles in a row the first describes the noun and the second tells the event: "61
/// entretiens approfondis réalisés par trois sociologues".
pub fn participles_after<'a>(
    lex: &'a Lexicon,
    tokens: &'a [Token],
    b: usize,
    is_noun: impl Fn(usize) -> bool + 'a,
) -> impl Iterator<Item = Found> + 'a {
    // An aside in brackets right after the noun is stepped over: "85 726 demandes d'asile
    // (dont 78 371 premières demandes) reçues en 2016".
    let open = (b..tokens.len())
        .find(|&k| !is_noun(k))
        .filter(|&k| tokens.get(k).is_some_and(|t| t.key == "("));
    let close = open.and_then(|open| {
        (open + 1..(open + ASIDE_REACH).min(tokens.len()))
            .find(|&k| tokens.get(k).is_some_and(|t| t.key == ")"))
    });
    // A plural noun takes no singular participle: "les 13,8 kilomètres d'une montée devenue
    // mythique" tell of the climb.
    // The noun is the figure's unit when it has none after it ("kilomètres").
    let plural_noun = (b..tokens.len())
        .take_while(|&k| is_noun(k))
        .last()
        .or_else(|| b.checked_sub(1))
        .and_then(|k| tokens.get(k))
        .is_some_and(|t| {
            t.is_word && t.key.ends_with(['s', 'x']) && !lex.agreement_exempt.contains(&t.key)
        });
    // The participle is the one token at `k`.
    let agrees =
        move |k: usize| !plural_noun || tokens.get(k).is_some_and(|t| t.key.ends_with(['s', 'x']));
    let (b, end) = match close {
        Some(close) => (close + 1, (close + 4).min(tokens.len())),
        None => (b, (b + 4).min(tokens.len())),
    };
    let v = &lex.verbs;
    // A complementizer or an auxiliary opens another clause: "deux niveaux où sont
    // assurées les prestations". A quotation may open on the participle: "les 220 000
    // enfants « empêchés de naître »".
    (b..end)
        .take_while(move |&k| {
            tokens.get(k).is_some_and(|t| {
                (t.is_word || t.is_quote_mark())
                    && !is(&v.complementizers, &t.key)
                    && !is(&v.auxiliaries, &t.key)
            })
        })
        .filter(move |&k| !is_noun(k) && tokens.get(k).is_some_and(|t| t.is_word))
        .filter_map(move |k| {
            let found = participle_after_noun(lex, tokens, k).filter(|_| agrees(k))?;
            let next = (k + 1 < end)
                .then(|| participle_after_noun(lex, tokens, k + 1))
                .flatten()
                .filter(|_| agrees(k + 1));
            Some(next.filter(|n| !n.state).unwrap_or(found))
        })
}

/// How many tokens past an aside in brackets a verb is still in reach.
const AFTER_ASIDE: usize = 3;

/// How many tokens an aside in brackets after a noun may hold.
const ASIDE_REACH: usize = 16;

/// A modal: one of the list, or any finite form of a modal's infinitive ("risquons").
fn is_modal(v: &Verbs, key: &str) -> bool {
    // The forms of the modals first: a look-up in a small set turns most words away before
    // the look-up among all the forms.
    is(&v.modals, key)
        || (v.forms.is_form_of(key, &v.modal_infinitives)
            && v.forms.get(key).is_some_and(|c| c.finite()))
}

/// A word that may stand between an auxiliary and its participle: one of the list, or an
/// adverb of manner ("ont rapidement quitté").
fn is_between(v: &Verbs, key: &str) -> bool {
    is(&v.between, key) || has_ending(key, &v.adverb_endings)
}

/// A verb of state at token `i`; not after a determiner, where it is a noun ("pour le
/// compte de", "le reste").
fn state_at(v: &Verbs, tokens: &[Token], i: usize) -> Option<Found> {
    if after_determiner(v, tokens, i) {
        return None;
    }
    let state = |start: usize, end: usize| Found {
        span: Span::new(start, end),
        state: true,
        rule: "predicate/state-verb",
    };
    if let Some(span) = v.states.at(tokens, i).and_then(|hit| hit.span(tokens)) {
        return Some(state(span.start, span.end));
    }
    // By the infinitive, from the list of forms: "se situeront", "avoisinant".
    let t = tokens.get(i).filter(|t| t.is_word)?;
    if is(&v.reflexives, &t.key)
        && let Some(next) = tokens.get(i + 1).filter(|n| n.is_word)
        && v.forms
            .is_form_of(&next.key, &v.reflexive_state_infinitives)
    {
        return Some(state(t.start, next.end));
    }
    v.forms
        .is_form_of(&t.key, &v.state_infinitives)
        .then(|| state(t.start, t.end))
}

fn finite_at(v: &Verbs, tokens: &[Token], i: usize) -> Option<Found> {
    let t = tokens.get(i)?;
    let known = v.forms.get(&t.key);
    // After "l'", "la", "les" a form that is nothing but a finite verb has an object
    // pronoun, no determiner: "43 % des Français l'estiment justifiée".
    let clitic_object = known.is_some_and(|c| c.finite() && c.only_verb())
        && i.checked_sub(1)
            .and_then(|k| tokens.get(k))
            .is_some_and(|w| is(&v.object_clitics, &w.key));
    if after_determiner(v, tokens, i) && !clitic_object {
        return None;
    }
    // With a list of forms, a word it does not give as finite is no finite verb.
    let listed = !v.forms.is_empty();
    if listed && !known.is_some_and(|c| c.finite()) {
        return None;
    }
    let event_word = tells_event(v, &t.key);
    if after_subject(v, tokens, i) && event_word {
        return Some(event(t.start, t.end, "predicate/other-verb-after-subject"));
    }
    // A form that is nothing but a verb needs no context ("espère", "verront").
    if known.is_some_and(|c| c.only_verb()) && event_word {
        return Some(event(t.start, t.end, "predicate/other-finite-verb"));
    }
    // An auxiliary alone ("serait d'environ", "qui auraient eux aussi") says what is.
    let finite = has_ending(&t.key, &v.finite_endings)
        && !is(&v.auxiliaries, &t.key)
        && !has_ending(&t.key, &v.not_verb_endings)
        && !is(&v.not_verbs, &t.key)
        && !is(&v.function_words, &t.key);
    finite.then(|| event(t.start, t.end, "predicate/other-finite-verb"))
}

/// Whether the word at `i` follows a subject pronoun, "qui" or a negation, past object
/// pronouns ("qui les attire"): it is a verb.
fn after_subject(v: &Verbs, tokens: &[Token], i: usize) -> bool {
    let mut k = i;
    while let Some(p) = k.checked_sub(1) {
        let Some(w) = tokens.get(p).filter(|w| w.is_word) else {
            return false;
        };
        if is(&v.subject_pronouns, &w.key) || is(&v.verb_openers, &w.key) {
            return true;
        }
        if !is(&v.object_clitics, &w.key) || i - p > 2 {
            return false;
        }
        k = p;
    }
    false
}

/// Whether the word at `i` has a participle's shape right after a plural determiner: a noun
/// ("les revenus", "des blessés"), whatever a predicate lexicon says of the participle.
/// Singular event nouns stay predicates ("le retrait", "une saisie").
pub fn participle_shaped_noun(lex: &Lexicon, tokens: &[Token], i: usize) -> bool {
    let v = &lex.verbs;
    let determiner = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|w| is(&v.plural_determiners, &w.key))
    };
    // An adjective may stand between: "tous les autres partis".
    let adjective_after_determiner = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|w| lex.skip.contains(&w.key) && !lex.noun_links.contains(&w.key))
            && k.checked_sub(1).is_some_and(determiner)
    };
    tokens
        .get(i)
        .is_some_and(|t| is_participle_after_auxiliary(v, &t.key))
        && i.checked_sub(1)
            .is_some_and(|k| determiner(k) || adjective_after_determiner(k))
}

/// A word right after a determiner is a noun or an adjective, whatever its ending ("les
/// autorités", "des blessés").
fn after_determiner(v: &Verbs, tokens: &[Token], i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|k| tokens.get(k))
        .is_some_and(|w| w.is_word && is(&v.determiners, &w.key))
}

/// Whether a reflexive clitic governs the verb starting at token `start`: right before it
/// ("se retrouvent"), or before its auxiliary past the words that may stand between ("se
/// sont retrouvés", "s'est ensuite retrouvé").
pub fn reflexive_before(v: &Verbs, tokens: &[Token], start: usize) -> bool {
    let clitic = |k: usize| tokens.get(k).is_some_and(|t| is(&v.reflexives, &t.key));
    let Some(mut k) = start.checked_sub(1) else {
        return false;
    };
    if clitic(k) {
        return true;
    }
    while k > 0
        && tokens
            .get(k)
            .is_some_and(|t| t.is_word && is_between(v, &t.key))
    {
        k -= 1;
    }
    tokens.get(k).is_some_and(|t| is(&v.auxiliaries, &t.key)) && k > 0 && clitic(k - 1)
}

/// Whether the token at `i` is a causative form before an infinitive: "a fait gagner".
pub fn causative_at(v: &Verbs, tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_some_and(|t| is(&v.causatives, &t.key))
        && tokens.get(i + 1).is_some_and(|t| is_infinitive(v, &t.key))
}

fn is_infinitive(v: &Verbs, key: &str) -> bool {
    if is(&v.not_verbs, key) || is(&v.function_words, key) {
        return false;
    }
    if is(&v.infinitives, key) {
        return true;
    }
    if !v.forms.is_empty() {
        return v.forms.get(key).is_some_and(|c| c.infinitive());
    }
    has_ending(key, &v.infinitive_endings) && !has_ending(key, &v.not_infinitive_endings)
}

fn is_participle(v: &Verbs, key: &str) -> bool {
    is_participle_after_auxiliary(v, key) && !has_ending(key, &v.noun_endings)
}

/// After an auxiliary, endings nouns mostly have are participles too ("ont visité").
fn is_participle_after_auxiliary(v: &Verbs, key: &str) -> bool {
    if is(&v.function_words, key) || is(&v.auxiliaries, key) || is(&v.not_verbs, key) {
        return false;
    }
    if !v.forms.is_empty() {
        return v.forms.get(key).is_some_and(|c| c.past_participle());
    }
    // Short participles count: "mis", "pris", "dit".
    key.chars().count() > 2
        && v.participle_endings
            .iter()
            .any(|e| key.ends_with(e.as_str()))
        && !has_ending(key, &v.not_verb_endings)
}

/// Whether token `i` is a past participle right after a form of "avoir" (past adverbs),
/// though it may be a noun elsewhere ("a fait feu", "ont produit", "n'ont rien fait").
fn after_avoir(v: &Verbs, tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_some_and(|t| {
        v.forms.get(&t.key).is_some_and(|c| c.past_participle())
            && !is(&v.function_words, &t.key)
            && !is(&v.auxiliaries, &t.key)
    }) && before_adverbs(v, tokens, i)
        .and_then(|k| tokens.get(k))
        .is_some_and(|a| v.forms.is_form_of(&a.key, &v.active_auxiliaries))
}

/// The nearest token before token `i` that is no adverb between an auxiliary or a modal and
/// its verb (`between`, adverbs of manner).
fn before_adverbs(v: &Verbs, tokens: &[Token], i: usize) -> Option<usize> {
    (0..i)
        .rev()
        .find(|&k| tokens.get(k).is_none_or(|w| !is_between(v, &w.key)))
}

/// A present participle or gerund ("arrêtant"); nouns of the same shape ("habitant") are in
/// `not_verbs` or follow a determiner.
fn is_present_participle(v: &Verbs, key: &str) -> bool {
    if is(&v.not_verbs, key) || is(&v.function_words, key) {
        return false;
    }
    if !v.forms.is_empty() {
        return v.forms.get(key).is_some_and(|c| c.present_participle());
    }
    has_ending(key, &v.gerund_endings)
}

fn event(start: usize, end: usize, rule: &'static str) -> Found {
    Found {
        span: Span::new(start, end),
        state: false,
        rule,
    }
}

fn has_ending(key: &str, endings: &[String]) -> bool {
    key.chars().count() > 3 && endings.iter().any(|e| key.ends_with(e.as_str()))
}

/// A participle right after a figure's counted noun ("une trentaine de vols annulés"), as
/// the event when its clause has no verb: tokens `[start, …)` follow the noun.
pub fn participle_after_noun(lex: &Lexicon, tokens: &[Token], start: usize) -> Option<Found> {
    let v = &lex.verbs;
    let t = tokens.get(start)?;
    if !t.is_word || !is_participle(v, &t.key) || after_determiner(v, tokens, start) {
        return None;
    }
    // "les 136 prévenus ou accusés": a participle joined to the noun by "ou" is a noun too.
    if start
        .checked_sub(1)
        .and_then(|k| tokens.get(k))
        .is_some_and(|w| lex.noun_coordinators.contains(&w.key))
    {
        return None;
    }
    let describes = v.forms.is_form_of(&t.key, &v.descriptive_infinitives);
    Some(Found {
        span: Span::new(t.start, t.end),
        state: describes,
        rule: if describes {
            "predicate/descriptive-participle"
        } else {
            "predicate/other-participle-after-noun"
        },
    })
}
