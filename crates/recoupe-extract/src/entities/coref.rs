//! Within-document coreference: candidate mentions grouped into entities.
//!
//! Names group first: gazetteer entries by id, people by surname, organisations built on a
//! head noun by variant (same head, compatible country, one's words contained in the
//! other's: "ministère russe de la Défense" = "ministère de la Défense russe"). Then what
//! points at a name joins it (a role phrase and its name, an acronym in parentheses, a
//! surname). Last, what must be resolved: short forms ("le Centre"), descriptions ("le
//! diplomate russe"), pronouns, each to the nearest compatible entity before it, or after it
//! when the text names it only later. What resolves to nothing is dropped: a role alone is
//! not a person.

use recoupe_model::entity::{Entity, EntityKind, Mention, MentionKind, Role};
use recoupe_model::{Document, Span};
use rustc_hash::FxHashMap;

use super::detect::{Cand, RoleInfo};
use super::lexicon::{Gender, Lexicon};

/// Sentences a pronoun may look back over.
const PRONOUN_REACH: u32 = 5;

#[derive(Default)]
struct Group {
    kind: Option<EntityKind>,
    members: Vec<usize>,
    gaz: Option<String>,
    gaz_canonical: Option<String>,
    country: Option<String>,
    head: Option<String>,
    content: Vec<String>,
    gender: Option<Gender>,
    gives: Vec<String>,
    has_role: bool,
}

pub struct Assembler<'a> {
    cands: Vec<Cand>,
    group_of: Vec<Option<usize>>,
    groups: Vec<Group>,
    lang: &'a str,
}

impl<'a> Assembler<'a> {
    pub fn new(lex: &'a Lexicon, cands: Vec<Cand>) -> Self {
        let n = cands.len();
        Assembler {
            cands,
            group_of: vec![None; n],
            // No more groups than candidates.
            groups: Vec::with_capacity(n),
            lang: lex.lang.code(),
        }
    }

    fn join(&mut self, c: usize, g: usize) {
        if let Some(slot) = self.group_of.get_mut(c) {
            *slot = Some(g);
        }
        if let Some(group) = self.groups.get_mut(g) {
            group.members.push(c);
        }
    }

    fn new_group(&mut self, c: usize) -> usize {
        let cand = &self.cands[c];
        let g = Group {
            kind: Some(cand.kind),
            gaz: cand.gaz.clone(),
            gaz_canonical: cand.gaz_canonical.clone(),
            country: cand.country.clone(),
            head: cand.head.clone(),
            content: cand.content.clone(),
            ..Group::default()
        };
        self.groups.push(g);
        let id = self.groups.len() - 1;
        self.join(c, id);
        id
    }

    /// Text order of the candidates.
    fn order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.cands.len()).collect();
        order.sort_by_key(|&i| (self.cands[i].span.start, self.cands[i].span.end));
        order
    }

    pub fn run(mut self, doc: &Document) -> Vec<Entity> {
        let order = self.order();
        self.group_names(&order);
        self.join_links(&order);
        self.person_features();
        self.resolve_short_forms(&order);
        self.resolve_descriptions(&order);
        self.resolve_pronouns(&order);
        self.build(doc)
    }

    fn group_names(&mut self, order: &[usize]) {
        let mut by_gaz: FxHashMap<String, usize> = FxHashMap::default();
        let mut by_surname: FxHashMap<String, usize> = FxHashMap::default();
        let mut by_text: FxHashMap<(EntityKind, String), usize> = FxHashMap::default();
        for &i in order {
            let c = &self.cands[i];
            let named = matches!(c.mention, MentionKind::Name | MentionKind::Acronym);
            if !named || c.link.is_some() || c.bare {
                continue;
            }
            if let Some(id) = c.gaz.clone() {
                match by_gaz.get(&id) {
                    Some(&g) => self.join(i, g),
                    None => {
                        let g = self.new_group(i);
                        by_gaz.insert(id, g);
                    }
                }
                continue;
            }
            match c.kind {
                EntityKind::Person => {
                    let surname = c.name.split_whitespace().last().unwrap_or("").to_owned();
                    match by_surname.get(&surname) {
                        Some(&g) => self.join(i, g),
                        None => {
                            let g = self.new_group(i);
                            by_surname.insert(surname, g);
                        }
                    }
                }
                EntityKind::Organisation if c.head.is_some() => {
                    match self.variant_of(i) {
                        Some(g) => {
                            self.join(i, g);
                            // The fuller variant describes the organisation best.
                            let content = self.cands[i].content.clone();
                            let group = &mut self.groups[g];
                            if content.len() > group.content.len() {
                                group.content = content;
                            }
                            if group.country.is_none() {
                                group.country = self.cands[i].country.clone();
                            }
                        }
                        None => {
                            self.new_group(i);
                        }
                    }
                }
                EntityKind::Group => {
                    let key = (c.kind, c.country.clone().unwrap_or_default());
                    match by_text.get(&key) {
                        Some(&g) => self.join(i, g),
                        None => {
                            let g = self.new_group(i);
                            by_text.insert(key, g);
                        }
                    }
                }
                kind => {
                    let key = (kind, c.name.clone());
                    match by_text.get(&key) {
                        Some(&g) => self.join(i, g),
                        None => {
                            let g = self.new_group(i);
                            by_text.insert(key, g);
                        }
                    }
                }
            }
        }
    }

    /// An organisation group this name is a variant of.
    fn variant_of(&self, i: usize) -> Option<usize> {
        let c = &self.cands[i];
        let head = c.head.as_deref()?;
        self.groups.iter().position(|g| {
            g.kind == Some(EntityKind::Organisation)
                && g.gaz.is_none()
                && g.head.as_deref() == Some(head)
                && compatible(&g.country, &c.country)
                && (subset(&c.content, &g.content) || subset(&g.content, &c.content))
                && (!c.content.is_empty() || !g.content.is_empty() || c.country == g.country)
        })
    }

    fn join_links(&mut self, order: &[usize]) {
        // A link may point at a candidate that is itself linked; follow a few steps.
        for &i in order {
            let mut target = self.cands[i].link;
            let mut steps = 0;
            while let Some(t) = target {
                if let Some(g) = self.group_of.get(t).copied().flatten() {
                    self.join(i, g);
                    break;
                }
                target = self.cands.get(t).and_then(|c| c.link);
                steps += 1;
                if steps > 4 {
                    break;
                }
            }
        }
    }

    fn person_features(&mut self) {
        for g in 0..self.groups.len() {
            if self.groups[g].kind != Some(EntityKind::Person) {
                continue;
            }
            let members = self.groups[g].members.clone();
            let mut gender = None;
            let mut gives: Vec<String> = Vec::new();
            let mut has_role = false;
            let mut country = self.groups[g].country.clone();
            for &m in &members {
                let c = &self.cands[m];
                if gender.is_none() && c.mention != MentionKind::Pronoun {
                    gender = c.gender;
                }
                if let Some(r) = &c.role {
                    has_role = true;
                    for x in &r.gives {
                        if !gives.contains(x) {
                            gives.push(x.clone());
                        }
                    }
                    if country.is_none() {
                        country = r.country.clone();
                    }
                }
            }
            let group = &mut self.groups[g];
            group.gender = gender;
            group.gives = gives;
            group.has_role = has_role;
            group.country = country;
        }
    }

    /// The group with a member nearest before `pos` (or, failing that, nearest after it)
    /// among those `ok` accepts.
    fn nearest(&self, pos: usize, ok: impl Fn(&Group) -> bool) -> Option<usize> {
        let mut before: Option<(usize, usize)> = None;
        let mut after: Option<(usize, usize)> = None;
        for (g, group) in self.groups.iter().enumerate() {
            if !ok(group) {
                continue;
            }
            for &m in &group.members {
                let start = self.cands[m].span.start;
                if start < pos {
                    if before.is_none_or(|(s, _)| start > s) {
                        before = Some((start, g));
                    }
                } else if start > pos && after.is_none_or(|(s, _)| start < s) {
                    after = Some((start, g));
                }
            }
        }
        before.or(after).map(|(_, g)| g)
    }

    fn resolve_short_forms(&mut self, order: &[usize]) {
        for &i in order {
            let c = &self.cands[i];
            if self.group_of[i].is_some() || c.kind != EntityKind::Organisation {
                continue;
            }
            let pos = c.span.start;
            let g = if c.bare {
                let head = c.head.clone();
                self.nearest(pos, |g| {
                    g.kind == Some(EntityKind::Organisation) && g.head == head
                        || g.gaz_canonical.as_deref().is_some_and(|n| {
                            head.as_deref().is_some_and(|h| {
                                n.split_whitespace()
                                    .next()
                                    .map(str::to_lowercase)
                                    .as_deref()
                                    == Some(h)
                            })
                        })
                })
            } else if c.generic {
                self.nearest(pos, |g| g.kind == Some(EntityKind::Organisation))
            } else if c.mention == MentionKind::Description {
                let head = c.head.clone();
                let country = c.country.clone();
                self.nearest(pos, |g| {
                    g.kind == Some(EntityKind::Organisation)
                        && g.head == head
                        && compatible(&g.country, &country)
                })
            } else {
                None
            };
            if let Some(g) = g {
                self.join(i, g);
            }
        }
    }

    /// Role descriptions ("le diplomate russe", "le ministre") join the nearest person whose
    /// known roles fit (before, else after). Those left over then join the nearest person of
    /// no known role: a writer who says "le ministre" of someone named without a title
    /// expects the reader to know it. Each join teaches the person the description's role,
    /// so "le chef de la diplomatie russe" makes the next "le diplomate" fit too.
    fn resolve_descriptions(&mut self, order: &[usize]) {
        let pending: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&i| {
                let c = &self.cands[i];
                self.group_of[i].is_none()
                    && c.kind == EntityKind::Person
                    && c.mention == MentionKind::Description
                    && c.role.is_some()
            })
            .collect();
        let mut left = self.join_descriptions(&pending, person_fits);
        // Who had no known role before any description taught them one.
        let untitled: Vec<bool> = self.groups.iter().map(|g| !g.has_role).collect();
        let mut joined = false;
        for &i in &left {
            let c = &self.cands[i];
            let Some(role) = c.role.clone() else { continue };
            let g = self.nearest(c.span.start, |g| {
                g.kind == Some(EntityKind::Person)
                    && compatible(&g.country, &role.country)
                    && gender_fits(g.gender, c.gender)
            });
            let g = g.filter(|&g| untitled.get(g).copied().unwrap_or(false));
            if let Some(g) = g {
                self.join_description(i, g);
                joined = true;
            }
        }
        if joined {
            left.retain(|&i| self.group_of[i].is_none());
            self.join_descriptions(&left, person_fits);
        }
    }

    /// Joins each description to the nearest person `fits` accepts; returns those left.
    fn join_descriptions(
        &mut self,
        pending: &[usize],
        fits: fn(&Group, &RoleInfo, Option<Gender>) -> bool,
    ) -> Vec<usize> {
        let mut left = Vec::new();
        for &i in pending {
            let c = &self.cands[i];
            let Some(role) = c.role.clone() else { continue };
            let gender = c.gender;
            match self.nearest(c.span.start, |g| fits(g, &role, gender)) {
                Some(g) => self.join_description(i, g),
                None => left.push(i),
            }
        }
        left
    }

    /// Puts a description in a person's group and adds what its role says to the person.
    fn join_description(&mut self, i: usize, g: usize) {
        self.join(i, g);
        let (Some(c), Some(group)) = (self.cands.get(i), self.groups.get_mut(g)) else {
            return;
        };
        if let Some(role) = &c.role {
            group.has_role = true;
            for x in &role.gives {
                if !group.gives.contains(x) {
                    group.gives.push(x.clone());
                }
            }
            if group.country.is_none() {
                group.country = role.country.clone();
            }
        }
        if group.gender.is_none() {
            group.gender = c.gender;
        }
    }

    fn resolve_pronouns(&mut self, order: &[usize]) {
        for &i in order {
            let c = &self.cands[i];
            if c.mention != MentionKind::Pronoun || self.group_of[i].is_some() {
                continue;
            }
            let (pos, sentence, quoted, gender) = (c.span.start, c.sentence, c.quoted, c.gender);
            let mut best: Option<(usize, usize)> = None;
            for (g, group) in self.groups.iter().enumerate() {
                if group.kind != Some(EntityKind::Person) || !gender_fits(group.gender, gender) {
                    continue;
                }
                for &m in &group.members {
                    let mc = &self.cands[m];
                    if mc.mention == MentionKind::Pronoun
                        || mc.span.start >= pos
                        || mc.sentence + PRONOUN_REACH < sentence
                        || (mc.quoted && !quoted)
                    {
                        continue;
                    }
                    if best.is_none_or(|(s, _)| mc.span.start > s) {
                        best = Some((mc.span.start, g));
                    }
                }
            }
            if let Some((_, g)) = best {
                self.join(i, g);
            }
        }
    }

    fn build(self, doc: &Document) -> Vec<Entity> {
        // Joined by hand: `format!` costs several times more, once per mention.
        let rule = |r: &str| ["entities/", self.lang, "/", r].concat();
        let to_original = |span: Span| doc.normalized.to_original(span);
        let mut firsts: Vec<(usize, usize)> = self
            .groups
            .iter()
            .enumerate()
            .filter_map(|(g, group)| {
                group
                    .members
                    .iter()
                    .map(|&m| self.cands[m].span.start)
                    .min()
                    .map(|s| (s, g))
            })
            .collect();
        firsts.sort();
        // Only groups with a name make entities (a description alone never does).
        firsts.retain(|&(_, g)| {
            self.groups[g].members.iter().any(|&m| {
                matches!(
                    self.cands[m].mention,
                    MentionKind::Name | MentionKind::Acronym
                )
            })
        });
        let ids: FxHashMap<usize, String> = firsts
            .iter()
            .enumerate()
            .map(|(n, &(_, g))| (g, entity_id(n + 1)))
            .collect();
        let mut out = Vec::with_capacity(firsts.len());
        for &(_, g) in &firsts {
            let group = &self.groups[g];
            let mut members = group.members.clone();
            members.sort_by_key(|&m| (self.cands[m].span.start, self.cands[m].span.end));
            // At most one mention and one name per member: sized once, not grown.
            let mut mentions: Vec<Mention> = Vec::with_capacity(members.len());
            let mut roles: Vec<Role> = Vec::new();
            let mut names: Vec<&str> = Vec::with_capacity(members.len());
            for &m in &members {
                let c = &self.cands[m];
                let span = to_original(c.span);
                let Some(text) = doc.text.get(span.start..span.end) else {
                    continue;
                };
                if text.is_empty() || mentions.iter().any(|x| x.span == span) {
                    continue;
                }
                mentions.push(Mention {
                    span,
                    text: text.to_owned(),
                    kind: c.mention,
                    rule: rule(c.rule),
                });
                if matches!(c.mention, MentionKind::Name | MentionKind::Acronym) {
                    names.push(&c.name);
                }
                if let Some(r) = &c.role
                    && c.mention == MentionKind::Name
                {
                    roles.push(self.role(r, &ids, doc));
                }
            }
            if mentions.is_empty() {
                continue;
            }
            let canonical = match &group.gaz_canonical {
                Some(n) => n.clone(),
                None => longest(&names, &self.cands, &members),
            };
            let mut aliases: Vec<String> = Vec::new();
            for n in names {
                if n != canonical && !aliases.iter().any(|a| a == n) {
                    aliases.push(n.to_owned());
                }
            }
            let country = group
                .country
                .clone()
                .or_else(|| roles.iter().find_map(|r| r.country.clone()));
            out.push(Entity {
                id: ids.get(&g).cloned().unwrap_or_default(),
                kind: group.kind.unwrap_or(EntityKind::Organisation),
                canonical,
                aliases,
                mentions,
                roles,
                country,
                gazetteer_id: group.gaz.clone(),
            });
        }
        out
    }

    fn role(&self, r: &RoleInfo, ids: &FxHashMap<usize, String>, doc: &Document) -> Role {
        let organisation = r
            .org
            .and_then(|o| self.group_of.get(o).copied().flatten())
            .and_then(|g| ids.get(&g).cloned());
        Role {
            title: r.title.clone(),
            organisation,
            country: r.country.clone(),
            span: doc.normalized.to_original(r.span),
        }
    }
}

/// The fullest name of a group: most words, then longest.
fn longest(names: &[&str], _cands: &[Cand], _members: &[usize]) -> String {
    let mut best: Option<(usize, usize, &str)> = None;
    for n in names {
        let key = (n.split_whitespace().count(), n.len());
        // The first of the fullest names wins a tie.
        if best.is_none_or(|(w, l, _)| key > (w, l)) {
            best = Some((key.0, key.1, n));
        }
    }
    best.map(|(_, _, n)| n.to_owned()).unwrap_or_default()
}

fn compatible(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

fn subset(a: &[String], b: &[String]) -> bool {
    a.iter().all(|x| b.contains(x))
}

fn gender_fits(a: Option<Gender>, b: Option<Gender>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// Whether a person group can be what a role description refers to.
fn person_fits(g: &Group, role: &RoleInfo, gender: Option<Gender>) -> bool {
    g.kind == Some(EntityKind::Person)
        && g.has_role
        && role.requires.iter().all(|r| g.gives.contains(r))
        && compatible(&g.country, &role.country)
        && gender_fits(g.gender, gender)
}

/// "e" and `n` in decimal, as `format!("e{n}")` writes it, without the formatting machinery
/// (about 460 instructions a call, once per entity).
fn entity_id(n: usize) -> String {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    let mut v = n;
    loop {
        k -= 1;
        if let Some(d) = digits.get_mut(k) {
            *d = b'0' + (v % 10) as u8;
        }
        v /= 10;
        if v == 0 || k == 0 {
            break;
        }
    }
    let mut id = String::with_capacity(1 + digits.len() - k);
    id.push('e');
    id.push_str(std::str::from_utf8(digits.get(k..).unwrap_or_default()).unwrap_or_default());
    id
}

#[cfg(test)]
mod id_tests {
    use super::entity_id;

    #[test]
    fn entity_id_is_format() {
        for n in (0..2000).chain([9_999, 10_000, 123_456_789, usize::MAX]) {
            assert_eq!(entity_id(n), format!("e{n}"));
        }
    }
}
