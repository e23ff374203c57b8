//! Who says a figure: the quotation or reported speech whose words contain it, else the
//! source of an earlier sentence of the same paragraph, else the outlet behind a headline,
//! else the outlet itself, marked unattributed. Speech is not detected again here: the
//! speech annotations and their linked speakers are read as they are.

use recoupe_model::Span;
use recoupe_model::claim::{Attribution, AttributionHow};
use recoupe_model::entity::{Entity, EntityKind};
use recoupe_model::speech::{Speech, SpeechKind};

/// Cue lemmas that make a reported speech a "selon".
const SELON: &[&str] = &["selon", "d'après", "according to", "according"];

/// The attribution of a figure at `figure` in a sentence spanning `sentence`, whose
/// paragraph starts at `paragraph_start`.
pub fn find(
    speech: &[Speech],
    entities: &[Entity],
    figure: Span,
    sentence: Span,
    paragraph_start: usize,
    headline: bool,
    outlet: Option<&str>,
) -> (Attribution, &'static str) {
    let enclosing = speech
        .iter()
        .filter(|s| s.content.contains(figure))
        .min_by_key(|s| s.content.len());
    if let Some(s) = enclosing {
        let mut a = from_speech(s, entities);
        if headline {
            a.how = AttributionHow::Headline;
            return (a, "attribution/headline-source");
        }
        return (a, "attribution/enclosing-speech");
    }
    if headline {
        return (
            outlet_attribution(outlet, AttributionHow::Headline),
            "attribution/headline-outlet",
        );
    }
    let earlier = speech
        .iter()
        .filter(|s| s.content.start >= paragraph_start && s.content.end <= sentence.start)
        .filter(|s| s.speaker.is_some() || s.speaker_entity.is_some())
        .max_by_key(|s| s.content.end);
    if let Some(s) = earlier {
        return (
            from_speech(s, entities),
            "attribution/carried-over-in-paragraph",
        );
    }
    (
        outlet_attribution(outlet, AttributionHow::Outlet),
        "attribution/outlet",
    )
}

fn outlet_attribution(outlet: Option<&str>, how: AttributionHow) -> Attribution {
    Attribution {
        speaker: None,
        organisation: outlet.map(str::to_owned),
        entities: Vec::new(),
        how,
        cue: None,
        unattributed: true,
    }
}

fn from_speech(s: &Speech, entities: &[Entity]) -> Attribution {
    let how = match s.kind {
        SpeechKind::Direct | SpeechKind::Partial | SpeechKind::Block => AttributionHow::DirectQuote,
        SpeechKind::Document => AttributionHow::Document,
        SpeechKind::Reported => {
            let lemma = s.cue.as_ref().map(|c| c.lemma.to_lowercase());
            if lemma.is_some_and(|l| SELON.contains(&l.as_str())) {
                AttributionHow::Selon
            } else {
                AttributionHow::Reported
            }
        }
    };
    let mut a = Attribution {
        speaker: None,
        organisation: None,
        entities: Vec::new(),
        how,
        cue: s.cue.as_ref().map(|c| c.span),
        unattributed: false,
    };
    let entity = s
        .speaker_entity
        .as_deref()
        .and_then(|id| entities.iter().find(|e| e.id == id));
    match entity {
        Some(e) if e.kind == EntityKind::Person => {
            a.speaker = Some(e.canonical.clone());
            a.entities.push(e.id.clone());
            let org = e
                .roles
                .iter()
                .filter_map(|r| r.organisation.as_deref())
                .find_map(|id| entities.iter().find(|o| o.id == id));
            if let Some(o) = org {
                a.organisation = Some(o.canonical.clone());
                a.entities.push(o.id.clone());
            }
        }
        Some(e) => {
            a.organisation = Some(e.canonical.clone());
            a.entities.push(e.id.clone());
        }
        None => {
            if let Some(m) = &s.speaker {
                use recoupe_model::speech::SpeakerKind;
                match m.kind {
                    SpeakerKind::Name => a.speaker = Some(m.text.clone()),
                    SpeakerKind::Organisation | SpeakerKind::Document => {
                        a.organisation = Some(m.text.clone())
                    }
                    SpeakerKind::Description | SpeakerKind::Pronoun => {}
                }
            }
        }
    }
    a
}
