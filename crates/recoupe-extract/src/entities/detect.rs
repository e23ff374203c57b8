//! Candidate mentions, found in one left-to-right pass over the tokens: at each word, the
//! first rule that applies consumes its tokens (a courtesy title and a name, a role noun
//! phrase and the name it introduces, a known name from the gazetteer or an organisation
//! name built around a head noun, a capitalized name typed by its context, a pronoun, a
//! definite description of an organisation). A second step settles the single capitalized
//! words no rule typed: a surname of a person named elsewhere in the text, a place after
//! "à"/"en", or nothing.

use recoupe_model::Span;
use recoupe_model::entity::{EntityKind, MentionKind};
use rustc_hash::FxHashMap;

use super::lexicon::{Gender, Lexicon, Phrase};
use super::token::Tok;

/// A function given to a person by a role noun phrase.
#[derive(Clone, Debug, Default)]
pub struct RoleInfo {
    pub title: String,
    pub gives: Vec<String>,
    pub requires: Vec<String>,
    pub country: Option<String>,
    /// Index of the organisation candidate named in the role.
    pub org: Option<usize>,
    pub gender: Option<Gender>,
    /// Normalized span of the whole role phrase (determiner included when written).
    pub span: Span,
}

/// A mention before coreference.
#[derive(Clone, Debug)]
pub struct Cand {
    /// Span in the normalized text.
    pub span: Span,
    /// Token range.
    pub toks: (usize, usize),
    pub kind: EntityKind,
    pub mention: MentionKind,
    pub rule: &'static str,
    /// The name as written in the normalized text (for names and acronyms).
    pub name: String,
    pub gaz: Option<String>,
    pub gaz_canonical: Option<String>,
    pub parent: Option<String>,
    pub country: Option<String>,
    /// Organisations: head noun (lower case) and the other content words, for variants.
    pub head: Option<String>,
    pub content: Vec<String>,
    /// A capitalized head alone ("selon le Centre"): a short form of an earlier name.
    pub bare: bool,
    /// A description by a generic noun ("l'organisation").
    pub generic: bool,
    pub gender: Option<Gender>,
    pub role: Option<RoleInfo>,
    /// Another candidate of the same entity (a description and its name, an acronym and
    /// its name, a surname and the full name).
    pub link: Option<usize>,
    pub quoted: bool,
    pub sentence: u32,
}

impl Cand {
    fn new(
        toks: &[Tok],
        range: (usize, usize),
        kind: EntityKind,
        mention: MentionKind,
        rule: &'static str,
        text: &str,
    ) -> Cand {
        let (s, e) = range;
        let start = toks.get(s).map_or(0, |t| t.start);
        let end = toks
            .get(e.saturating_sub(1))
            .map_or(start, |t| t.end)
            .max(start);
        let span = Span::new(start, end);
        Cand {
            span,
            toks: range,
            kind,
            mention,
            rule,
            name: span.slice(text).to_owned(),
            gaz: None,
            gaz_canonical: None,
            parent: None,
            country: None,
            head: None,
            content: Vec::new(),
            bare: false,
            generic: false,
            gender: None,
            role: None,
            link: None,
            quoted: toks.get(s).is_some_and(|t| t.quoted),
            sentence: toks.get(s).map_or(0, |t| t.sentence),
        }
    }
}

/// A single capitalized word left for the second step.
struct Pending {
    tok: usize,
    after_place_preposition: bool,
}

pub struct Detector<'a, 't> {
    lex: &'a Lexicon,
    toks: &'a [Tok<'t>],
    text: &'t str,
    pub cands: Vec<Cand>,
    pending: Vec<Pending>,
    /// Acronyms defined in parentheses after a name → the name's candidate.
    acronyms: FxHashMap<String, usize>,
    /// Normalized spans the text stage already read as agencies or outlets (bylines, inline
    /// relays), sorted.
    reserved: Vec<Span>,
}

/// An organisation name found by the head-noun pattern.
struct OrgMatch {
    end: usize,
    head_tok: usize,
    head: String,
    content: Vec<String>,
    country: Option<String>,
    capitalized: bool,
    bare: bool,
    lowercase_head: bool,
}

impl<'a, 't> Detector<'a, 't> {
    pub fn new(lex: &'a Lexicon, toks: &'a [Tok<'t>], text: &'t str) -> Self {
        Detector {
            lex,
            toks,
            text,
            // About one candidate every ten tokens: sized once rather than grown by copies
            // of these large structs.
            cands: Vec::with_capacity(toks.len() / 12),
            pending: Vec::new(),
            acronyms: FxHashMap::default(),
            reserved: Vec::new(),
        }
    }

    /// Spans (normalized) to read as outlets whatever their words look like.
    pub fn with_reserved(mut self, mut spans: Vec<Span>) -> Self {
        spans.sort();
        self.reserved = spans;
        self
    }

    /// An outlet the text stage found at token `i`.
    fn reserved_at(&mut self, i: usize) -> Option<usize> {
        let start = self.toks[i].start;
        let k = self.reserved.partition_point(|r| r.start < start);
        let r = *self.reserved.get(k).filter(|r| r.start == start)?;
        let mut end = i;
        while self.tok(end).is_some_and(|t| t.end <= r.end) {
            end += 1;
        }
        if end == i || self.toks[end - 1].end != r.end {
            return None;
        }
        let mut c = self.cand((i, end), EntityKind::Outlet, MentionKind::Name, "relay");
        if let Some((ge, p)) = self.gazetteer_at(i)
            && ge == end
        {
            c.gaz = Some(p.id.clone());
            c.gaz_canonical = Some(p.canonical.clone());
            c.country = p.country.clone();
            if p.acronym {
                c.mention = MentionKind::Acronym;
            }
        }
        self.cands.push(c);
        Some(end)
    }

    fn tok(&self, i: usize) -> Option<&Tok<'t>> {
        self.toks.get(i)
    }

    fn word(&self, i: usize) -> Option<&Tok<'t>> {
        self.toks.get(i).filter(|t| t.word)
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.tok(i).is_some_and(|t| t.is(p))
    }

    pub fn run(mut self) -> Vec<Cand> {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            // Most tokens start nothing: they are passed over here, without a call.
            if !self.toks.get(i).is_some_and(|t| self.may_start(t)) {
                i += 1;
                continue;
            }
            i = self.step(i).unwrap_or(i + 1).max(i + 1);
        }
        self.settle_pending();
        self.cands
    }

    /// Whether a rule can start at token `t`: a word that is capitalized, hyphenated, or a
    /// lower-case trigger; any other word is skipped with one look-up.
    #[inline]
    fn may_start(&self, t: &Tok<'t>) -> bool {
        t.word
            && (t.upper
                || t.hyphen
                || self.lex.trigger_filter.may_contain(&t.lower)
                    && self.lex.trigger_ends.may_contain(&t.lower)
                    && self.lex.triggers.contains(&*t.lower))
    }

    /// Tries every rule at word `i` (one [`Self::may_start`] accepts); returns the index
    /// after what a rule consumed.
    fn step(&mut self, i: usize) -> Option<usize> {
        if !self.reserved.is_empty()
            && let Some(end) = self.reserved_at(i)
        {
            return Some(end);
        }
        if let Some(end) = self.title_name(i) {
            return Some(end);
        }
        let gaz = self.gazetteer_at(i);
        let long_gaz = gaz.is_some_and(|(end, _)| end - i >= 2);
        if !long_gaz && let Some(end) = self.role_phrase(i) {
            return Some(end);
        }
        let org = self.org_at_with(i, gaz);
        match (gaz, org) {
            (Some((ge, p)), Some(o)) if ge >= o.end => return Some(self.push_gazetteer(i, ge, p)),
            (_, Some(o)) => return Some(self.push_org(i, o)),
            (Some((ge, p)), None) => return Some(self.push_gazetteer(i, ge, p)),
            (None, None) => {}
        }
        // A lower-case word without a hyphen starts no name and no place with a suffix.
        let named = self.toks.get(i).is_some_and(|t| t.upper || t.hyphen);
        if named && let Some(end) = self.place_with_suffix(i) {
            return Some(end);
        }
        if named && let Some(end) = self.name_seq(i, false) {
            self.typed_name(i, end);
            return Some(end);
        }
        if let Some(end) = self.pronoun(i) {
            return Some(end);
        }
        self.org_description(i)
    }

    // ---- names -------------------------------------------------------------------------

    /// A word that can be part of a name: capitalized and not a function word, month or
    /// weekday; or a hyphenated particle before a capital ("el-Assad").
    fn name_word(&self, i: usize) -> bool {
        let Some(t) = self.word(i) else {
            return false;
        };
        if t.upper {
            return !self.lex.stopwords.contains(t.text)
                && !self.lex.calendar.contains(&t.lower)
                && !t.text.chars().next().is_some_and(|c| c.is_numeric());
        }
        // Only a hyphenated word holds a '-' (the tokenizer sets `hyphen` for each it
        // joins): the others need no search.
        if !t.hyphen {
            return false;
        }
        match t.text.split_once('-') {
            Some((p, rest)) => {
                self.lex.hyphen_particles.contains(&p.to_lowercase())
                    && rest.chars().next().is_some_and(char::is_uppercase)
            }
            None => false,
        }
    }

    /// One capital letter followed by a period: an initial ("George W. Bush").
    fn initial_at(&self, i: usize) -> bool {
        self.word(i).is_some_and(|t| {
            let mut c = t.text.chars();
            c.next().is_some_and(char::is_uppercase) && c.next().is_none()
        }) && self.is_punct(i + 1, ".")
    }

    /// The end of a name starting at `i`: name words, particles between them ("Staffan de
    /// Mistura"), initials. With `particle_first`, the name may open with a particle
    /// ("M. de Mistura").
    fn name_seq(&self, i: usize, particle_first: bool) -> Option<usize> {
        let mut k = i;
        let max = i + 6;
        loop {
            if k >= max {
                break;
            }
            if self.name_word(k) {
                // A capitalized role or organisation head ends a name ("Lavrov Foreign…").
                if k > i && self.starts_other(k) {
                    break;
                }
                k += 1;
                continue;
            }
            if self.initial_at(k) && self.name_word(k + 2) {
                k += 2;
                continue;
            }
            let particle = self
                .word(k)
                .is_some_and(|t| !t.upper && self.lex.particles.contains(&t.lower));
            if particle && (k > i || particle_first) && self.name_word(k + 1) {
                k += 2;
                continue;
            }
            break;
        }
        // A name has at least one capitalized word and does not end with a particle.
        (k > i && (k - i > 1 || self.name_word(i))).then_some(k)
    }

    /// A word that begins something other than a person's name: a known name or an
    /// organisation head.
    fn starts_other(&self, k: usize) -> bool {
        let Some(t) = self.word(k) else {
            return false;
        };
        self.lex.org_heads.contains(t.text)
            || self.gazetteer_at(k).is_some()
            || self.lex.people.contains_key(t.text)
    }

    /// "M. Lavrov", "Mme Hasan", "Mr. Konachenkov".
    fn title_name(&mut self, i: usize) -> Option<usize> {
        let t = self.word(i)?;
        let titles = self.lex.titles.get(t.text)?;
        let (len, gender) = titles
            .iter()
            .find(|(words, _)| self.matches_exact(i, words))
            .map(|(w, g)| (w.len(), *g))?;
        let end = self.name_seq(i + len, true)?;
        let start = self.skip_particles(i + len);
        let mut c = self.cand(
            (start, end),
            EntityKind::Person,
            MentionKind::Name,
            "title-name",
        );
        c.gender = gender;
        self.cands.push(c);
        Some(end)
    }

    fn skip_particles(&self, mut i: usize) -> usize {
        // The name proper starts at its first capitalized word only when the particle is not
        // part of it: "M. de Mistura" keeps "de Mistura".
        while self.word(i).is_some_and(|t| !t.upper) && !self.name_word(i) {
            if self.name_word(i + 1) {
                return i;
            }
            i += 1;
        }
        i
    }

    fn matches_exact(&self, i: usize, words: &[String]) -> bool {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| self.tok(i + k).is_some_and(|t| t.text == w))
    }

    fn cand(
        &self,
        range: (usize, usize),
        kind: EntityKind,
        mention: MentionKind,
        rule: &'static str,
    ) -> Cand {
        Cand::new(self.toks, range, kind, mention, rule, self.text)
    }

    /// A capitalized name no title or role introduced, typed by its context.
    fn typed_name(&mut self, i: usize, end: usize) {
        let t = &self.toks[i];
        if end - i == 1 {
            if let Some(iso) = self.lex.people.get(t.text) {
                let mut c = self.cand((i, end), EntityKind::Group, MentionKind::Name, "people");
                c.country = Some(iso.clone());
                self.cands.push(c);
                return;
            }
            if self.speech_follows(end) && !t.initial {
                let c = self.cand(
                    (i, end),
                    EntityKind::Person,
                    MentionKind::Name,
                    "speech-verb",
                );
                self.cands.push(c);
                return;
            }
            let after_place_preposition = i
                .checked_sub(1)
                .and_then(|p| self.word(p))
                .is_some_and(|p| self.lex.place_prepositions.contains(&p.lower));
            self.pending.push(Pending {
                tok: i,
                after_place_preposition,
            });
            return;
        }
        let c = self.cand(
            (i, end),
            EntityKind::Person,
            MentionKind::Name,
            "capitalized-name",
        );
        self.cands.push(c);
    }

    /// A verb of saying right after position `k`, possibly after an auxiliary and adverbs.
    fn speech_follows(&self, k: usize) -> bool {
        let Some(t) = self.word(k) else {
            return false;
        };
        if self.lex.speech_verbs.contains(&t.lower) && !self.lex.auxiliaries.contains(&t.lower) {
            return true;
        }
        if !self.lex.auxiliaries.contains(&t.lower) {
            return false;
        }
        let mut j = k + 1;
        while self
            .word(j)
            .is_some_and(|t| self.lex.adverbs.contains(&t.lower))
            && j < k + 4
        {
            j += 1;
        }
        self.word(j).is_some_and(|t| {
            self.lex.speech_verbs.contains(&t.lower) && !self.lex.auxiliaries.contains(&t.lower)
        })
    }

    /// "Alep-Est": a known place with a hyphenated point of the compass.
    fn place_with_suffix(&mut self, i: usize) -> Option<usize> {
        let t = self.word(i)?;
        // No '-' but in a hyphenated word (see `name_word`): capitalized words without one
        // need no search.
        if !t.hyphen {
            return None;
        }
        let (base, suffix) = t.text.rsplit_once('-')?;
        if !self.lex.place_suffixes.contains(suffix) {
            return None;
        }
        let known = self
            .lex
            .phrases
            .get(&base.to_lowercase())
            .is_some_and(|ps| ps.iter().any(|p| p.kind == EntityKind::Place));
        if !known && !t.upper {
            return None;
        }
        let c = self.cand(
            (i, i + 1),
            EntityKind::Place,
            MentionKind::Name,
            "place-suffix",
        );
        self.cands.push(c);
        Some(i + 1)
    }

    /// Settles single capitalized words: surnames of people named elsewhere, places after a
    /// preposition of place, acronyms defined earlier in parentheses.
    fn settle_pending(&mut self) {
        let mut surnames: FxHashMap<&str, usize> = FxHashMap::default();
        for (idx, c) in self.cands.iter().enumerate() {
            if c.kind == EntityKind::Person && c.mention == MentionKind::Name {
                let (s, e) = c.toks;
                if e - s >= 2
                    && let Some(last) = self.toks.get(e - 1)
                {
                    surnames.entry(last.text).or_insert(idx);
                }
            }
        }
        let pending = std::mem::take(&mut self.pending);
        for p in pending {
            let t = &self.toks[p.tok];
            let range = (p.tok, p.tok + 1);
            if let Some(&person) = surnames.get(t.text) {
                let mut c = self.cand(range, EntityKind::Person, MentionKind::Name, "surname");
                c.link = Some(person);
                self.cands.push(c);
            } else if let Some(&org) = self.acronyms.get(t.text) {
                let kind = self.cands[org].kind;
                let mut c = self.cand(range, kind, MentionKind::Acronym, "acronym-defined");
                c.link = Some(org);
                self.cands.push(c);
            } else if p.after_place_preposition {
                let c = self.cand(
                    range,
                    EntityKind::Place,
                    MentionKind::Name,
                    "place-preposition",
                );
                self.cands.push(c);
            }
        }
    }

    // ---- gazetteer ---------------------------------------------------------------------

    /// The longest gazetteer phrase starting at token `i`.
    pub fn gazetteer_at(&self, i: usize) -> Option<(usize, &'a Phrase)> {
        let t = self.word(i)?;
        let phrases = self.lex.phrases.get(&t.lower)?;
        phrases
            .iter()
            .find(|p| self.phrase_matches(i, p))
            .map(|p| (i + p.words.len(), p))
    }

    fn phrase_matches(&self, i: usize, p: &Phrase) -> bool {
        p.words
            .iter()
            .zip(&p.keys)
            .enumerate()
            .all(|(k, (w, (lower, upper)))| {
                let Some(t) = self.tok(i + k) else {
                    return false;
                };
                if !t.word {
                    return t.text == w;
                }
                if p.acronym {
                    return t.text == w;
                }
                t.lower == lower.as_str() && (!upper || t.upper)
            })
    }

    fn push_gazetteer(&mut self, i: usize, end: usize, p: &Phrase) -> usize {
        let mention = if p.acronym {
            MentionKind::Acronym
        } else {
            MentionKind::Name
        };
        let mut c = self.cand((i, end), p.kind, mention, "gazetteer");
        c.gaz = Some(p.id.clone());
        c.gaz_canonical = Some(p.canonical.clone());
        c.country = p.country.clone();
        c.parent = p.parent.clone();
        let idx = self.cands.len();
        self.cands.push(c);
        self.acronym_after(idx, end)
    }

    /// "(OSCE)" right after a name: an acronym of the same entity.
    fn acronym_after(&mut self, idx: usize, end: usize) -> usize {
        if !self.is_punct(end, "(") || !self.is_punct(end + 2, ")") {
            return end;
        }
        let Some(t) = self.word(end + 1) else {
            return end;
        };
        let caps = t.text.chars().filter(|c| c.is_uppercase()).count();
        if caps < 2 || t.text.chars().count() > 10 {
            return end;
        }
        let kind = self.cands[idx].kind;
        // Only organisations are given acronyms this way; "New York (AFP)" is a dateline.
        let other_entry = self
            .gazetteer_at(end + 1)
            .is_some_and(|(_, p)| p.id.as_str() != self.cands[idx].gaz.as_deref().unwrap_or(""));
        if kind != EntityKind::Organisation || other_entry {
            return end;
        }
        let mut c = self.cand(
            (end + 1, end + 2),
            kind,
            MentionKind::Acronym,
            "acronym-parenthesis",
        );
        c.link = Some(idx);
        self.acronyms.insert(t.text.to_owned(), idx);
        self.cands.push(c);
        end + 3
    }

    // ---- organisations -----------------------------------------------------------------

    fn lowercase_head_at(&self, i: usize) -> Option<usize> {
        // Most words start no head: one look-up instead of a comparison per head.
        if let Some(firsts) = &self.lex.lowercase_head_firsts
            && !self.tok(i).is_some_and(|t| firsts.contains(&t.lower))
        {
            return None;
        }
        self.lex
            .lowercase_heads
            .iter()
            .filter(|h| {
                h.iter()
                    .enumerate()
                    .all(|(k, w)| self.tok(i + k).is_some_and(|t| t.lower == *w))
            })
            .map(Vec::len)
            .max()
            .map(|len| i + len)
    }

    fn is_org_head(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|t| t.upper && self.lex.org_heads.contains(t.text))
    }

    /// An organisation name built around a head noun: "Centre russe pour la réconciliation
    /// des parties en Syrie", "ministère de la Défense russe", "Russian Defence Ministry".
    fn org_at(&self, i: usize) -> Option<OrgMatch> {
        self.org_at_with(i, self.gazetteer_at(i))
    }

    /// [`Self::org_at`] given the known name at `i` (`self.gazetteer_at(i)`), which the
    /// callers have already looked up.
    fn org_at_with(&self, i: usize, gaz_i: Option<(usize, &'a Phrase)>) -> Option<OrgMatch> {
        let t = self.word(i)?;
        let mut country = None;
        let mut content = Vec::new();
        // Capitalized words and nationalities before a head ("Russian Defence Ministry").
        let mut h = i;
        while h < i + 4 && !self.is_org_head(h) {
            let Some(w) = self.word(h) else {
                return self.lowercase_org(i);
            };
            // A known organisation before a head is a name of its own ("UN General Assembly").
            let gaz = if h == i { gaz_i } else { self.gazetteer_at(h) };
            let known_org = gaz.is_some_and(|(_, p)| p.kind != EntityKind::Place);
            if !w.upper || self.lex.stopwords.contains(w.text) || known_org {
                return self.lowercase_org(i);
            }
            h += 1;
        }
        if !self.is_org_head(h) {
            return self.lowercase_org(i);
        }
        for k in i..h {
            if let Some(w) = self.word(k) {
                match self.lex.adjectives.get(&w.lower) {
                    Some(iso) => country = Some(iso.clone()),
                    None => content.push(w.lower.to_string()),
                }
            }
        }
        let head_tok = self.toks.get(h)?;
        let head = head_tok.lower.to_string();
        let end = self.org_tail(h + 1, &mut content, &mut country);
        let bare = end == h + 1 && h == i;
        let _ = t;
        Some(OrgMatch {
            end,
            head_tok: h,
            head,
            content,
            country,
            capitalized: true,
            bare,
            lowercase_head: false,
        })
    }

    fn lowercase_org(&self, i: usize) -> Option<OrgMatch> {
        let head_end = self.lowercase_head_at(i)?;
        let head = self.toks[i..head_end]
            .iter()
            .map(|t| t.lower.as_ref())
            .collect::<Vec<_>>()
            .join(" ");
        let mut content = Vec::new();
        let mut country = None;
        let end = self.org_tail(head_end, &mut content, &mut country);
        let capitalized = self.toks[head_end..end]
            .iter()
            .any(|t| t.word && t.upper && !self.lex.connectors.contains(&t.lower));
        Some(OrgMatch {
            end,
            head_tok: i,
            head,
            content,
            country,
            capitalized,
            bare: end == head_end,
            lowercase_head: true,
        })
    }

    /// Adjectives and complements after a head, up to a nested organisation, a verb, a
    /// punctuation mark or the end of the sentence.
    fn org_tail(
        &self,
        mut k: usize,
        content: &mut Vec<String>,
        country: &mut Option<String>,
    ) -> usize {
        let sentence = self.tok(k.saturating_sub(1)).map_or(0, |t| t.sentence);
        let mut pieces = 0;
        loop {
            k = self.org_adjectives(k, content, country);
            if pieces >= 6 {
                break;
            }
            // Connectors, then a noun.
            let mut j = k;
            while j < k + 3
                && self
                    .word(j)
                    .is_some_and(|t| self.lex.connectors.contains(&t.lower))
            {
                j += 1;
            }
            if j == k {
                break;
            }
            // "le Centre et les autorités": a bare head is not coordinated inside a name.
            let coordinated = self
                .word(k)
                .is_some_and(|t| self.lex.coordinators.contains(&t.lower));
            if coordinated && pieces == 0 && content.is_empty() {
                break;
            }
            let Some(noun) = self.word(j) else { break };
            if noun.sentence != sentence || noun.initial {
                break;
            }
            // A nested organisation is a name of its own ("Conseil de sécurité de l'Onu").
            if self.is_org_head(j) || self.lowercase_head_at(j).is_some() {
                break;
            }
            if let Some((pe, p)) = self.gazetteer_at(j) {
                if p.kind != EntityKind::Place {
                    break;
                }
                content.push(p.canonical.to_lowercase());
                k = pe;
                pieces += 1;
                continue;
            }
            if self.lex.connectors.contains(&noun.lower)
                || self.lex.stopwords.contains(noun.text)
                || self.lex.calendar.contains(&noun.lower)
                || self.lex.roles.contains_key(&noun.lower)
                || self.lex.determiners.contains_key(&noun.lower) && !noun.lower.ends_with('\'')
                || noun.text.chars().next().is_some_and(|c| c.is_numeric())
                || self.lex.pronouns.contains_key(noun.text)
            {
                break;
            }
            content.push(noun.lower.to_string());
            k = j + 1;
            pieces += 1;
        }
        k
    }

    fn org_adjectives(
        &self,
        mut k: usize,
        content: &mut Vec<String>,
        country: &mut Option<String>,
    ) -> usize {
        while let Some(t) = self.word(k) {
            if let Some(iso) = self.lex.adjectives.get(&t.lower) {
                if t.upper && self.lex.lang == recoupe_model::Lang::Fr {
                    break;
                }
                *country = Some(iso.clone());
            } else if self.lex.org_adjectives.contains(&t.lower) {
                content.push(t.lower.to_string());
            } else {
                break;
            }
            k += 1;
        }
        k
    }

    fn push_org(&mut self, i: usize, o: OrgMatch) -> usize {
        let lowercase_name_ok = !self.lex.need_capitalized.contains(&o.head) || o.capitalized;
        if o.lowercase_head && (!o.capitalized || !lowercase_name_ok) {
            // "l'armée syrienne", "le ministère": a description of an organisation.
            if o.bare && o.country.is_none() && !self.has_determiner(i) {
                return i + 1;
            }
            if !self.has_determiner(i) && o.country.is_none() {
                return o.end;
            }
            let start = self.determiner_start(i);
            let mut c = self.cand(
                (start, o.end),
                EntityKind::Organisation,
                MentionKind::Description,
                "org-description",
            );
            c.head = Some(o.head);
            c.content = o.content;
            c.country = o.country;
            self.cands.push(c);
            return o.end;
        }
        let mut c = self.cand(
            (i, o.end),
            EntityKind::Organisation,
            MentionKind::Name,
            "org-head",
        );
        if o.bare {
            c.rule = "org-short-form";
            c.bare = true;
        }
        let _ = o.head_tok;
        c.head = Some(o.head);
        c.content = o.content;
        c.country = o.country;
        let idx = self.cands.len();
        self.cands.push(c);
        self.acronym_after(idx, o.end)
    }

    fn has_determiner(&self, i: usize) -> bool {
        i.checked_sub(1)
            .and_then(|p| self.word(p))
            .is_some_and(|t| self.lex.determiners.contains_key(&t.lower))
    }

    fn determiner_start(&self, i: usize) -> usize {
        if self.has_determiner(i) { i - 1 } else { i }
    }

    /// "l'organisation", "the agency": a description standing for an organisation named
    /// before.
    fn org_description(&mut self, i: usize) -> Option<usize> {
        let t = self.word(i)?;
        if !self.lex.generic_org.contains(&t.lower) || !self.has_determiner(i) {
            return None;
        }
        let start = i - 1;
        let mut c = self.cand(
            (start, i + 1),
            EntityKind::Organisation,
            MentionKind::Description,
            "org-generic",
        );
        c.generic = true;
        self.cands.push(c);
        Some(i + 1)
    }

    // ---- pronouns ----------------------------------------------------------------------

    /// "il", "elle", "he", and the inverted "a-t-il".
    fn pronoun(&mut self, i: usize) -> Option<usize> {
        let t = self.word(i)?;
        let (gender, span) = if let Some(g) = self.lex.pronouns.get(t.text) {
            let next_impersonal = self
                .word(i + 1)
                .is_some_and(|n| self.lex.impersonal_next.contains(&n.lower));
            if next_impersonal {
                return None;
            }
            (*g, Span::new(t.start, t.end))
        } else {
            // No '-' but in a hyphenated word (see `name_word`).
            if !t.hyphen {
                return None;
            }
            let (_, last) = t.text.rsplit_once('-')?;
            let g = self.lex.pronouns.get(last)?;
            (*g, Span::new(t.end - last.len(), t.end))
        };
        let mut c = self.cand(
            (i, i + 1),
            EntityKind::Person,
            MentionKind::Pronoun,
            "pronoun",
        );
        c.span = span;
        c.name = span.slice(self.text).to_owned();
        c.gender = gender;
        self.cands.push(c);
        Some(i + 1)
    }

    // ---- roles -------------------------------------------------------------------------

    fn role_at(&self, k: usize) -> Option<(usize, &'a super::lexicon::RoleNoun)> {
        let t = self.word(k)?;
        let roles = self.lex.roles.get(&t.lower)?;
        roles
            .iter()
            .find(|r| {
                r.words
                    .iter()
                    .enumerate()
                    .all(|(n, w)| self.tok(k + n).is_some_and(|t| t.lower == *w))
            })
            .map(|r| (k + r.words.len(), r))
    }

    fn domain_at(&self, k: usize) -> Option<(usize, &'a [String])> {
        let t = self.word(k)?;
        let list = self.lex.domains.get(&t.lower)?;
        list.iter()
            .find(|(words, _)| {
                words
                    .iter()
                    .enumerate()
                    .all(|(n, w)| self.tok(k + n).is_some_and(|t| t.lower == *w))
            })
            .map(|(w, c)| (k + w.len(), c.as_slice()))
    }

    /// A role noun phrase ("le ministre russe des Affaires étrangères", "porte-parole du
    /// ministère russe de la Défense", "Russian Foreign Minister"), and what it introduces: a
    /// name after it, the name before it (an apposition), or nothing (a description to
    /// resolve later).
    fn role_phrase(&mut self, i: usize) -> Option<usize> {
        let det = self
            .word(i)
            .and_then(|t| self.lex.determiners.get(&t.lower).copied());
        let mut k = if det.is_some() { i + 1 } else { i };
        // "ce même porte-parole": an adjective between the determiner and the role.
        if det.is_some()
            && self
                .word(k)
                .is_some_and(|t| self.lex.role_modifiers.contains(&t.lower))
            && self.role_at(k + 1).is_some()
        {
            k += 1;
        }
        let mut role = RoleInfo::default();
        // English: nationalities before the role ("Russian Foreign Minister").
        while let Some(t) = self.word(k) {
            match self.lex.adjectives.get(&t.lower) {
                Some(iso) if t.upper && k < i + 3 => {
                    role.country = Some(iso.clone());
                    k += 1;
                }
                _ => break,
            }
        }
        let (mut end, noun) = self.role_at(k)?;
        // A capitalized role word mid-sentence in French is usually part of a name.
        let first = self.word(k)?;
        if first.upper
            && !first.initial
            && self.lex.lang == recoupe_model::Lang::Fr
            && det.is_none()
        {
            return None;
        }
        let mut title_parts: Vec<(usize, usize)> = vec![(k, end)];
        role.gives = noun.gives.clone();
        role.requires = noun.requires.clone();
        role.gender = noun.gender.or(det.flatten());
        let mut nested: Vec<Cand> = Vec::new();
        let mut org: Option<Cand> = None;
        while let Some(t) = self.word(end) {
            if let Some(iso) = self.lex.adjectives.get(&t.lower)
                && !(t.upper && self.lex.lang == recoupe_model::Lang::Fr)
            {
                role.country = Some(iso.clone());
                end += 1;
                continue;
            }
            if self.lex.org_adjectives.contains(&t.lower) && !t.upper {
                title_parts.push((end, end + 1));
                end += 1;
                continue;
            }
            // Connectors, then a domain, an organisation, a place or another role.
            let mut j = end;
            while j < end + 3
                && self
                    .word(j)
                    .is_some_and(|t| self.lex.connectors.contains(&t.lower))
            {
                j += 1;
            }
            if j == end && self.lex.lang == recoupe_model::Lang::Fr {
                break;
            }
            let domain = self.domain_at(j).filter(|&(de, _)| {
                // "the Defence Ministry": the domain word begins an organisation's name.
                !self
                    .org_at(j)
                    .is_some_and(|o| o.end > de && !o.lowercase_head)
            });
            if let Some((de, classes)) = domain {
                if j == end && !self.word(j).is_some_and(|t| t.upper) {
                    break;
                }
                title_parts.push((end, de));
                for c in classes {
                    if !role.gives.contains(c) {
                        role.gives.push(c.clone());
                    }
                    if !role.requires.contains(c) {
                        role.requires.push(c.clone());
                    }
                }
                end = de;
                continue;
            }
            if j == end {
                break;
            }
            let gaz = self.gazetteer_at(j);
            let o = self.org_at_with(j, gaz);
            match (gaz, o) {
                (Some((ge, p)), o) if o.as_ref().is_none_or(|o| ge >= o.end) => {
                    let mut c = self.cand(
                        (j, ge),
                        p.kind,
                        if p.acronym {
                            MentionKind::Acronym
                        } else {
                            MentionKind::Name
                        },
                        "gazetteer",
                    );
                    c.gaz = Some(p.id.clone());
                    c.gaz_canonical = Some(p.canonical.clone());
                    c.country = p.country.clone();
                    c.parent = p.parent.clone();
                    if p.kind == EntityKind::Place {
                        if role.country.is_none() {
                            role.country = self.lex.country_of_place(&p.id).map(str::to_owned);
                        }
                        nested.push(c);
                    } else {
                        if role.country.is_none() {
                            role.country = p.country.clone();
                        }
                        org = Some(c);
                    }
                    end = ge;
                    break;
                }
                (_, Some(o)) if !o.lowercase_head || o.capitalized => {
                    let mut c = self.cand(
                        (j, o.end),
                        EntityKind::Organisation,
                        MentionKind::Name,
                        "org-head",
                    );
                    if o.bare {
                        c.bare = true;
                        c.rule = "org-short-form";
                    }
                    c.head = Some(o.head);
                    c.content = o.content;
                    c.country = o.country.clone();
                    if role.country.is_none() {
                        role.country = o.country;
                    }
                    org = Some(c);
                    end = o.end;
                    break;
                }
                _ => {}
            }
            if let Some((re, _)) = self.role_at(j) {
                // "envoyé spécial du secrétaire général": a role of a role.
                title_parts.push((end, re));
                end = re;
                continue;
            }
            break;
        }
        role.title = title_parts
            .iter()
            .map(|&(s, e)| self.join(s, e))
            .collect::<Vec<_>>()
            .join(" ");
        // The phrase starts at its determiner or at the nationality before the role.
        let role_start = i;
        role.span = Span::new(
            self.toks[role_start].start,
            self.toks[end.saturating_sub(1).max(role_start)].end,
        );

        // What follows: a name ("… Sergueï Lavrov", "…, Igor Konachenkov").
        let mut n = end;
        if self.is_punct(n, ",") {
            n += 1;
        }
        let sentence = self.toks[role_start].sentence;
        let name_here = self
            .word(n)
            .is_some_and(|t| !t.initial && t.sentence == sentence);
        let name_end = if name_here && !self.starts_other(n) {
            self.name_seq(n, false)
        } else {
            None
        };
        let org_idx_base = self.cands.len();
        let mut push_nested = |this: &mut Self, role: &mut RoleInfo| {
            for c in nested.drain(..) {
                this.cands.push(c);
            }
            if let Some(c) = org.take() {
                role.org = Some(this.cands.len());
                this.cands.push(c);
            }
        };
        if let Some(ne) = name_end {
            push_nested(self, &mut role);
            let _ = org_idx_base;
            let mut desc = self.cand(
                (role_start, end),
                EntityKind::Person,
                MentionKind::Description,
                "role-before-name",
            );
            desc.span = role.span;
            desc.name = role.span.slice(self.text).to_owned();
            desc.gender = role.gender;
            let person_idx = self.cands.len() + 1;
            desc.link = Some(person_idx);
            self.cands.push(desc);
            let mut p = self.cand(
                (n, ne),
                EntityKind::Person,
                MentionKind::Name,
                "role-before-name",
            );
            p.gender = role.gender;
            p.country = role.country.clone();
            p.role = Some(role);
            self.cands.push(p);
            return Some(ne);
        }
        // An apposition: "Igor Mikhaïlik, responsable du Centre …".
        let before = role_start.checked_sub(1);
        let appos = before.filter(|&b| self.is_punct(b, ",")).and_then(|b| {
            self.cands.iter().rposition(|c| {
                c.kind == EntityKind::Person && c.mention == MentionKind::Name && c.toks.1 == b
            })
        });
        if let Some(person) = appos {
            push_nested(self, &mut role);
            let mut desc = self.cand(
                (role_start, end),
                EntityKind::Person,
                MentionKind::Description,
                "role-after-name",
            );
            desc.span = role.span;
            desc.name = role.span.slice(self.text).to_owned();
            desc.link = Some(person);
            self.cands.push(desc);
            let p = &mut self.cands[person];
            if p.gender.is_none() {
                p.gender = role.gender;
            }
            if p.country.is_none() {
                p.country = role.country.clone();
            }
            if p.role.is_none() {
                p.role = Some(role);
            }
            return Some(end);
        }
        if det.is_some() {
            push_nested(self, &mut role);
            let mut desc = self.cand(
                (role_start, end),
                EntityKind::Person,
                MentionKind::Description,
                "role-description",
            );
            desc.span = role.span;
            desc.name = role.span.slice(self.text).to_owned();
            desc.gender = role.gender;
            desc.country = role.country.clone();
            desc.role = Some(role);
            self.cands.push(desc);
            return Some(end);
        }
        // A role without determiner, name or apposition: only its nested names count.
        push_nested(self, &mut role);
        Some(end)
    }

    fn join(&self, s: usize, e: usize) -> String {
        let (Some(a), Some(b)) = (self.tok(s), self.tok(e.saturating_sub(1).max(s))) else {
            return String::new();
        };
        self.text.get(a.start..b.end).unwrap_or("").to_owned()
    }
}
