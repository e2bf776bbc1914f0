//! Relation extraction: metWith, rejected and leads, one sentence at a time.
//!
//! The rules work on tokens and on *units*: an actor mention together with
//! what is attached to it ("Taliban foreign minister Muttaqi" is one unit
//! whose head is Muttaqi; "National Resistance Front (NRF)" is one unit).
//! Around units the rules recognize the syntax that news English uses for
//! these relations: coordination ("A, B and C"), apposition ("A, leader of
//! B,"), relative clauses ("A who heads B"), passives ("B is led by A"),
//! possessives ("B's offer"), compounds ("A-led B") and modality ("will
//! meet", "hopes to negotiate"). The words are data (`patterns.toml`); the
//! shapes are here. See GUIDELINES in the README for what each relation means.

use crate::discourse::Discourse;
use crate::discover::Actors;
use crate::gazetteer::Class;
use crate::mentions::Sentence;
use crate::patterns::Patterns;
use crate::resolve::{Mention, Via};
use crate::tokens::Token;

/// The three relations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Predicate {
    MetWith,
    Rejected,
    Leads,
    /// A person belongs to an organization (a leader too).
    MemberOf,
    /// A person is a child of another ("son of").
    ChildOf,
}

impl Predicate {
    /// The local name in the `ag:` namespace.
    pub fn local_name(self) -> &'static str {
        match self {
            Predicate::MetWith => "metWith",
            Predicate::Rejected => "rejected",
            Predicate::Leads => "leads",
            Predicate::MemberOf => "memberOf",
            Predicate::ChildOf => "childOf",
        }
    }

    /// The three relations that the evaluation scores and the visual
    /// exports draw; memberOf and childOf describe the actors themselves.
    pub fn is_interaction(self) -> bool {
        matches!(self, Predicate::MetWith | Predicate::Rejected | Predicate::Leads)
    }
}

/// A relation found in one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub subject: usize,
    pub predicate: Predicate,
    pub object: usize,
    /// Name of the rule, recorded as `ag:rule`.
    pub rule: &'static str,
    pub confidence: f64,
    /// True when a title or short name had to be resolved.
    pub inferred: bool,
    /// An earlier sentence the rule drew on, which is evidence too.
    pub context: Option<usize>,
}

/// A role that a sentence gives a person: "acting foreign minister Amir
/// Khan Muttaqi", "Nazary, head of foreign relations of the NRF".
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    pub person: usize,
    /// The organization the role is in, when the sentence names it.
    pub org: Option<usize>,
    /// Token range of the role's words in the sentence.
    pub words: (usize, usize),
    /// A past role ("former vice president"): no membership now.
    pub past: bool,
    pub rule: &'static str,
    pub confidence: f64,
    pub inferred: bool,
}

/// What one sentence yields.
#[derive(Debug, Clone, Default)]
pub struct Output {
    pub found: Vec<Found>,
    pub roles: Vec<Role>,
    /// Proposals whose author the sentence names: (folded noun, entity).
    pub proposals: Vec<(String, usize)>,
    /// Actors that rejected talks with no other side named ("the Taliban
    /// rejects Panjshir talks"): the document's other facts may name it.
    pub rejected_talks: Vec<(usize, bool)>,
}

#[derive(Debug, Clone)]
struct Unit {
    start: usize,
    end: usize,
    /// End of the name itself, before an absorbed proxy noun.
    name_end: usize,
    entity: usize,
    class: Class,
    /// Followed by "'s" (and not by a proxy noun such as "delegation").
    possessive: bool,
    /// "X's delegation": stands for X in a meeting.
    proxy: bool,
    /// "Taliban minister" with no name after it: the organization only
    /// describes an unnamed person, who is not the organization.
    attributive: bool,
    resolved: bool,
    /// Stands for a pronoun resolved across sentences.
    pronoun: bool,
}

impl Unit {
    /// This actor, standing for the pronoun at token `i`.
    fn standing_in_for(&self, i: usize) -> Unit {
        Unit { start: i, end: i + 1, name_end: i + 1, resolved: true, ..self.clone() }
    }
}

struct Ctx<'a> {
    tokens: &'a [Token],
    capitalized: &'a [bool],
    units: Vec<Unit>,
    gaz: &'a Actors<'a>,
    p: &'a Patterns,
    found: Vec<Found>,
    /// "NRF supremo Massoud", seen while building units: (person, org).
    title_leads: Vec<(Unit, Unit)>,
    /// "Taliban foreign minister Muttaqi", seen while building units:
    /// (person, org, token range of the title).
    title_roles: Vec<(Unit, Unit, (usize, usize))>,
    roles: Vec<Role>,
    /// "Muttaqi of the Taliban government": (person, organization).
    affiliations: Vec<(Unit, Unit)>,
    rejected_talks: Vec<(usize, bool)>,
    doc: &'a Discourse,
    /// Per token: the unit starting there, the unit ending there, and
    /// whether a unit covers it.
    starts: Vec<Option<usize>>,
    ends: Vec<Option<usize>>,
    covered: Vec<bool>,
}

/// Extracts what one sentence states: roles always, and the relations when
/// `relations` is set (a sentence that names one actor states none).
/// `doc` is what the earlier sentences established.
pub fn extract(sentence: &Sentence, mentions: &[Mention], gaz: &Actors, p: &Patterns, doc: &Discourse, relations: bool) -> Output {
    let tokens = &sentence.tokens;
    let mut ctx = Ctx {
        tokens,
        capitalized: &sentence.capitalized,
        units: Vec::new(),
        gaz,
        p,
        found: Vec::new(),
        title_leads: Vec::new(),
        title_roles: Vec::new(),
        roles: Vec::new(),
        affiliations: Vec::new(),
        rejected_talks: Vec::new(),
        doc,
        starts: Vec::new(),
        ends: Vec::new(),
        covered: Vec::new(),
    };
    ctx.build_units(mentions);
    if ctx.units.is_empty() {
        return Output::default();
    }
    ctx.roles();
    ctx.family();
    if relations {
        ctx.leads();
        ctx.meetings();
        ctx.rejections();
    }
    let mut proposals: Vec<(String, usize)> =
        ctx.proposal_owners().into_iter().map(|(k, u)| (ctx.word(k).to_string(), ctx.units[u].entity)).collect();
    proposals.extend(ctx.proposals_made());
    let mut found = ctx.found;
    found.retain(|f| f.subject != f.object);
    Output { found, roles: ctx.roles, proposals, rejected_talks: ctx.rejected_talks }
}

/// What resolving costs a rule's confidence: a title, short name or generic
/// noun 0.1; a pronoun or another sentence 0.3 (the data contract documents
/// these figures in the ontology's comment on `ag:confidence`).
fn resolution_cost(resolved: bool, pronoun: bool) -> f64 {
    if pronoun {
        0.3
    } else if resolved {
        0.1
    } else {
        0.0
    }
}

const PREPOSITIONS: &[&str] =
    &["of", "in", "from", "by", "with", "for", "to", "at", "on", "about", "against", "into", "over", "under", "between"];
const COPULA: &[&str] = &["is", "was", "are", "were", "been", "being", "be"];

impl<'a> Ctx<'a> {
    /// Whether token `i` is capitalized in the original; false past the end.
    fn cap(&self, i: usize) -> bool {
        self.capitalized.get(i).copied().unwrap_or(false)
    }

    /// Whether token `i` is a word; false past the end.
    fn is_word_at(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(Token::is_word)
    }

    fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text.as_str())
    }

    fn emit(&mut self, subject: usize, predicate: Predicate, object: usize, rule: &'static str, units: &[&Unit], confidence: f64) {
        self.emit_with(subject, predicate, object, rule, units, confidence, None);
    }

    #[allow(clippy::too_many_arguments)]
    fn emit_with(
        &mut self,
        subject: usize,
        predicate: Predicate,
        object: usize,
        rule: &'static str,
        units: &[&Unit],
        confidence: f64,
        context: Option<usize>,
    ) {
        let resolved = units.iter().any(|u| u.resolved) || context.is_some();
        let pronoun = units.iter().any(|u| u.pronoun) || context.is_some();
        let confidence = confidence - resolution_cost(resolved, pronoun);
        self.found.push(Found { subject, predicate, object, rule, confidence, inferred: resolved, context });
    }

    fn class(&self, e: usize) -> Class {
        self.gaz.get(e).class
    }

    // ---------------------------------------------------------------- units

    fn build_units(&mut self, mentions: &[Mention]) {
        let mut units: Vec<Unit> = Vec::new();
        for m in mentions.iter().filter(|m| !m.adjectival) {
            let unit = Unit {
                start: m.start,
                end: m.end,
                name_end: m.end,
                entity: m.entity,
                class: self.class(m.entity),
                possessive: false,
                proxy: false,
                attributive: false,
                resolved: m.via != Via::Name,
                pronoun: m.via == Via::Pronoun,
            };
            // "his offer": a resolved possessive pronoun owns what follows.
            let unit = Unit { possessive: unit.pronoun && matches!(self.word(m.start), "his" | "her" | "their" | "its" | "our"), ..unit };
            // "National Resistance Front (NRF)", "“Lion of Herat” Ismail Khan".
            if let Some(last) = units.last_mut() {
                if last.entity == m.entity
                    && self.tokens[last.end..m.start].iter().all(|t| matches!(t.text.as_str(), "(" | ")" | "\"" | "'" | "[" | "]"))
                {
                    last.end = m.end;
                    last.name_end = m.end;
                    continue;
                }
            }
            units.push(unit);
        }
        // Swallow a closing bracket after a merged acronym: "Front (NRF)".
        for u in &mut units {
            if u.end < self.tokens.len() && self.tokens[u.end].text == ")" && self.tokens[u.start..u.end].iter().any(|t| t.text == "(") {
                u.end += 1;
                u.name_end = u.end;
            }
        }
        // "Taliban foreign minister Muttaqi": the organization is an
        // attribute of the person. "Muttaqi of the Taliban government": same.
        let mut merged: Vec<Unit> = Vec::new();
        let mut i = 0;
        while i < units.len() {
            let u = units[i].clone();
            if u.class == Class::Organization && i + 1 < units.len() && units[i + 1].class == Class::Person {
                let next = &units[i + 1];
                let mut gap = &self.tokens[u.end..next.start];
                // "the Taliban's top diplomat, Amir Khan Muttaqi"
                if gap.len() >= 2 && gap[gap.len() - 1].text == "," && self.p.title_words.contains(&gap[gap.len() - 2].text) {
                    gap = &gap[..gap.len() - 1];
                }
                if !gap.is_empty() && gap.len() <= 5 && gap.iter().all(|t| t.text == "'s" || self.p.title_words.contains(&t.text)) {
                    let skip = usize::from(gap[0].text == "'s");
                    if self.p.leader_titles.match_at(self.tokens, u.end + skip) == Some(gap.len() - skip) && !self.title_blocked(u.start) {
                        self.title_leads.push((next.clone(), u.clone()));
                    }
                    if gap.len() > skip {
                        self.title_roles.push((next.clone(), u.clone(), (u.end + skip, u.end + gap.len())));
                    }
                    let mut person = next.clone();
                    person.start = u.start;
                    person.resolved |= u.resolved;
                    merged.push(person);
                    i += 2;
                    continue;
                }
            }
            if u.class == Class::Person && i + 1 < units.len() && units[i + 1].class == Class::Organization {
                let next = &units[i + 1];
                let gap: Vec<&str> = self.tokens[u.end..next.start].iter().map(|t| t.text.as_str()).collect();
                if gap == ["of"] || gap == ["of", "the"] {
                    self.affiliations.push((u.clone(), next.clone()));
                    let mut person = u.clone();
                    person.end = next.end;
                    person.name_end = next.end;
                    merged.push(person);
                    i += 2;
                    continue;
                }
            }
            merged.push(u);
            i += 1;
        }
        // "Massoud said (that) he had turned down ...": in reported speech
        // the pronoun right after the verb of saying is the speaker.
        let mut speakers: Vec<Unit> = Vec::new();
        for i in 1..self.tokens.len() {
            let class = match self.word(i) {
                "he" | "she" => Class::Person,
                "it" | "they" => Class::Organization,
                _ => continue,
            };
            let mut k = i;
            if self.word(k - 1) == "that" {
                k -= 1;
            }
            let mut v = if let Some(n) = self.p.say_verbs.match_before(self.tokens, k) {
                k - n
            } else {
                // "told reporters he ...": the audience is no actor.
                let mut b = k;
                while b > 0 && k - b < 3 && self.is_word_at(b - 1) && !self.cap(b - 1) && !matches!(self.word(b - 1), "told" | "tells") {
                    b -= 1;
                }
                if b == k || b == 0 || !matches!(self.word(b - 1), "told" | "tells") {
                    continue;
                }
                b - 1
            };
            if v > 0 && matches!(self.word(v - 1), "also" | "later" | "then" | "has" | "had" | "have") {
                v -= 1;
            }
            if let Some(u) = merged.iter().find(|u| u.end == v && u.class == class && !u.possessive) {
                speakers.push(u.standing_in_for(i));
            }
        }
        // "Muttaqi called on Imran Khan a day after he held talks with
        // Qureshi": after a subordinator, the pronoun is the main subject.
        for i in 1..self.tokens.len() {
            let class = match self.word(i) {
                "he" | "she" => Class::Person,
                _ => continue,
            };
            if !matches!(self.word(i - 1), "after" | "before" | "when" | "while" | "since" | "because" | "as") {
                continue;
            }
            let first = merged.iter().find(|u| {
                u.end <= i && !u.possessive && !u.attributive && (u.start == 0 || !PREPOSITIONS.contains(&self.word(u.start - 1)))
            });
            if let Some(u) = first.filter(|u| u.class == class) {
                if !speakers.iter().any(|s| s.start == i) {
                    speakers.push(u.standing_in_for(i));
                }
            }
        }
        merged.extend(speakers);
        merged.sort_by_key(|u| u.start);
        // "Taliban negotiators", "an NRF delegation": the organization's
        // representatives stand for it; the unit covers the noun.
        for u in &mut merged {
            if u.class == Class::Organization {
                if let Some(n) = self.p.proxies.match_at(self.tokens, u.end) {
                    u.end += n;
                    u.proxy = true;
                }
            }
        }
        for u in &mut merged {
            if u.proxy {
                continue;
            }
            if u.class == Class::Organization {
                let mut k = u.end;
                if self.word(k) == "'s" {
                    k += 1;
                }
                if self.p.titles.match_at(self.tokens, k).is_some() && self.p.proxies.match_at(self.tokens, k).is_none() {
                    u.attributive = true;
                    continue;
                }
            }
            if self.word(u.end) == "'s" {
                let proxy = self.p.proxies.match_at(self.tokens, u.end + 1).is_some()
                    || (self.p.title_words.contains(self.word(u.end + 1)) && self.p.proxies.match_at(self.tokens, u.end + 2).is_some());
                u.proxy = proxy;
                u.possessive = !proxy;
            }
        }
        self.units = merged;
        self.index_units();
    }

    fn unit_at(&self, start: usize) -> Option<usize> {
        self.starts.get(start).copied().flatten()
    }

    fn unit_ending_at(&self, end: usize) -> Option<usize> {
        self.ends.get(end).copied().flatten()
    }

    fn inside_unit(&self, i: usize) -> bool {
        self.covered.get(i).copied().unwrap_or(false)
    }

    /// Indexes the units by token, so that the lookups above are O(1).
    fn index_units(&mut self) {
        let n = self.tokens.len() + 1;
        self.starts = vec![None; n];
        self.ends = vec![None; n];
        self.covered = vec![false; n];
        for (i, u) in self.units.iter().enumerate() {
            self.starts[u.start].get_or_insert(i);
            self.ends[u.end].get_or_insert(i);
            for c in &mut self.covered[u.start..u.end] {
                *c = true;
            }
        }
    }

    fn is_breaker_at(&self, i: usize) -> bool {
        let t = self.word(i);
        matches!(t, ";" | ":" | "!" | "?") || self.p.breakers.match_at(self.tokens, i).is_some()
    }

    /// The first token of the clause that contains token `t`.
    fn clause_start(&self, t: usize) -> usize {
        let mut i = t;
        while i > 0 {
            if self.is_breaker_at(i - 1) && !self.inside_unit(i - 1) {
                break;
            }
            i -= 1;
        }
        // "According to X, ...": the attribution is not the clause.
        for k in i.saturating_sub(1)..t {
            if self.p.attribution.match_at(self.tokens, k).is_some() {
                if let Some(c) = (k..t).find(|&c| self.word(c) == ",") {
                    return c + 1;
                }
            }
        }
        i
    }

    /// Whether tokens `a..b` join two members of a coordination:
    /// ", ", " and ", ", and the ", " & ", " or ", optionally followed by
    /// a short title ("and acting foreign minister").
    fn is_coordination_gap(&self, a: usize, b: usize) -> bool {
        let gap = &self.tokens[a..b];
        let mut k = 0;
        while k < gap.len() && matches!(gap[k].text.as_str(), "," | "and" | "&" | "or" | "\"" | "'") {
            k += 1;
        }
        if k < gap.len()
            && gap[k].text == "as"
            && gap.get(k + 1).is_some_and(|t| t.text == "well")
            && gap.get(k + 2).is_some_and(|t| t.text == "as")
        {
            k += 3;
        }
        if k == 0 || !gap[..k].iter().any(|t| matches!(t.text.as_str(), "," | "and" | "&" | "or")) {
            return false;
        }
        // "and leaders of the", "and a delegation from"
        let mut m = k;
        while m < gap.len() && matches!(gap[m].text.as_str(), "a" | "an" | "the" | "its" | "their") {
            m += 1;
        }
        if let Some(n) = self.p.proxies.match_at(self.tokens, a + m) {
            let mut r = m + n;
            if r < gap.len() && matches!(gap[r].text.as_str(), "of" | "from") {
                r += 1;
                while r < gap.len() && matches!(gap[r].text.as_str(), "the" | "a" | "an") {
                    r += 1;
                }
                if r == gap.len() {
                    return true;
                }
            }
        }
        let rest = &gap[k..];
        rest.len() <= 5
            && rest.iter().enumerate().all(|(j, t)| {
                let w = t.text.as_str();
                let i = a + k + j;
                // "and Mr. Karzai"
                if w == "." && j > 0 && rest[j - 1].is_word() && rest[j - 1].text.len() <= 4 {
                    return true;
                }
                (t.is_word() || matches!(w, "'s" | "\"" | "'" | "-" | "&"))
                    && !PREPOSITIONS.contains(&w)
                    && !self.is_breaker_at(i)
                    && !self.p.relativizers.contains_word(w)
                    && !COPULA.contains(&w)
                    && self.trigger_at(i).is_none()
            })
    }

    fn trigger_at(&self, i: usize) -> Option<usize> {
        self.p
            .meet_verbs
            .match_at(self.tokens, i)
            .or_else(|| self.p.reject_verbs.match_at(self.tokens, i))
            .or_else(|| self.p.lead_verbs.match_at(self.tokens, i))
    }

    /// The coordination that ends with unit `u`, left to right.
    fn group_left(&self, u: usize, lo: usize) -> Vec<usize> {
        let mut g = vec![u];
        let mut i = u;
        while i > 0 {
            let prev = &self.units[i - 1];
            if prev.start < lo || prev.possessive || prev.attributive || !self.is_coordination_gap(prev.end, self.units[i].start) {
                break;
            }
            g.insert(0, i - 1);
            i -= 1;
        }
        g
    }

    /// The coordination that starts with unit `u`.
    fn group_right(&self, u: usize, hi: usize) -> Vec<usize> {
        let mut g = vec![u];
        let mut i = u;
        while i + 1 < self.units.len() {
            let mut next_i = i + 1;
            let mut gap_start = self.units[i].end;
            // "met A, the leader of the NRF, and B": the apposition is
            // about A; the coordination goes on after it.
            if let Some(close) = self.apposition_close(self.units[i].end, hi) {
                if let Some(n) = (next_i..self.units.len()).find(|&n| self.units[n].start > close) {
                    if self.word(close + 1) == "and" {
                        next_i = n;
                        gap_start = close;
                    }
                }
            }
            let next = &self.units[next_i];
            if next.end > hi || self.units[i].possessive || next.attributive || !self.is_coordination_gap(gap_start, next.start) {
                break;
            }
            g.push(next_i);
            i = next_i;
        }
        g
    }

    /// The closing comma of an apposition that starts at `k`: ", the leader
    /// of the NRF," or ", a Taliban commander,". Only titles, determiners,
    /// prepositions and organizations inside.
    fn apposition_close(&self, k: usize, hi: usize) -> Option<usize> {
        if self.word(k) != "," {
            return None;
        }
        let mut j = k + 1;
        while matches!(self.word(j), "the" | "a" | "an") {
            j += 1;
        }
        let mut titled = false;
        while j < hi.min(k + 14) {
            if let Some(o) = self.unit_at(j) {
                if self.units[o].class != Class::Organization {
                    return None;
                }
                j = self.units[o].end;
                continue;
            }
            let w = self.word(j);
            if w == "," {
                return titled.then_some(j);
            }
            let after_preposition = matches!(self.word(j.wrapping_sub(1)), "of" | "in" | "for");
            if self.p.title_words.contains(w) {
                titled = true;
            } else if !matches!(w, "of" | "the" | "for" | "in" | "'s" | "-" | "(" | ")")
                && !(self.is_word_at(j) && (!self.cap(j) || after_preposition))
            {
                return None;
            }
            if self.is_breaker_at(j) || self.trigger_at(j).is_some() || COPULA.contains(&w) || self.p.relativizers.contains_word(w) {
                return None;
            }
            j += 1;
        }
        None
    }

    /// The subject group of a verb at token `t`.
    fn subject_of(&self, t: usize) -> Option<Vec<usize>> {
        let cs = self.clause_start(t);
        let in_clause: Vec<usize> = (0..self.units.len()).filter(|&u| self.units[u].start >= cs && self.units[u].end <= t).collect();
        if in_clause.is_empty() {
            return None;
        }
        // "A, who heads B that ..., rejected" / "A who is the chief of B has
        // rejected": the antecedent of the first relative clause.
        for r in cs..t {
            if self.p.relativizers.contains_word(self.word(r)) {
                let before = if r > 0 && self.word(r - 1) == "," { r - 1 } else { r };
                if let Some(u) = self.unit_ending_at(before) {
                    // "told Ismail Khan that he ...": a complement, not a relative clause.
                    let us = self.units[u].start;
                    if self.word(r) == "that" && us > 0 && self.is_breaker_at(us - 1) {
                        continue;
                    }
                    // "an officer of the IRGC who ...": the relative clause
                    // is about the officer, not about the IRGC.
                    // "from Zalmay Khalilzad, who negotiated ...": a person after
                    // another preposition may be the antecedent.
                    let of_phrase = self.is_prepositional_object(u)
                        && (self.units[u].class != Class::Person || self.preposition_before(u) == Some("of"));
                    if !self.units[u].possessive && !of_phrase {
                        let mut group = self.with_delegation_leader(self.group_left(u, cs), t);
                        // "Muttaqi, who is leading a delegation of the Islamic Emirate, ..."
                        if let Some(org) = (r..t).find_map(|k| self.unit_at(k)).filter(|&o| {
                            self.units[o].class == Class::Organization
                                && self.is_proxy_object(o)
                                && (r..self.units[o].start).any(|k| self.p.lead_verbs.match_at(self.tokens, k).is_some())
                        }) {
                            group.push(org);
                        }
                        return Some(group);
                    }
                }
            }
        }
        let last_comma = (cs..t).rev().find(|&k| self.word(k) == "," && !self.inside_unit(k));
        let chunk_start = last_comma.map_or(cs, |c| c + 1);
        let nearest = in_clause.iter().copied().rev().find(|&u| self.units[u].start >= chunk_start && !self.units[u].attributive);
        let head = match nearest {
            Some(u) => {
                // "Ghani flew to Mazar-i-Sharif on Wednesday and met ...":
                // a second verb phrase shares the subject.
                let coordinated_vp = t >= 1 && self.word(t - 1) == "and" && t - self.units[u].end <= 20;
                if t - self.units[u].end > 6 && !coordinated_vp {
                    return None;
                }
                // "told Ismail Khan that he had rejected": an unresolved
                // pronoun is the subject, not the actor before it.
                if (self.units[u].end..t).any(|k| matches!(self.word(k), "he" | "she" | "they" | "we" | "it")) {
                    return None;
                }
                u
            }
            // "A, leader of B in C, has rejected": the head of the apposition,
            // which is not the object of a preposition ("the chief of B, A,"),
            // unless it stands for a delegation ("a delegation of B, headed
            // by A, held talks").
            None => {
                let first = in_clause
                    .iter()
                    .copied()
                    .find(|&u| (!self.is_prepositional_object(u) || self.is_proxy_object(u)) && !self.units[u].attributive)?;
                // "A and B, the leaders of C, met": the whole coordination.
                let group = self.group_right(first, t);
                if self.word(self.units[*group.last().unwrap()].end) != "," {
                    return None;
                }
                if group.iter().any(|&u| self.units[u].possessive) {
                    return None;
                }
                return Some(self.with_delegation_leader(group, t));
            }
        };
        if self.units[head].possessive || self.units[head].attributive {
            return None;
        }
        let mut group = self.group_left(head, cs);
        // "a Taliban delegation led by Muttaqi met ...", "a delegation from
        // the Taliban headed by Foreign Minister Muttaqi met ...": the
        // organization takes part too.
        let first = self.skip_titles_back(self.units[group[0]].start);
        if let Some(n) = self.p.lead_passive.match_before(self.tokens, first) {
            let k = first - n;
            let k = if k > 0 && self.word(k - 1) == "," { k - 1 } else { k };
            if let Some(org) = self.unit_ending_at(k).filter(|&o| self.units[o].class == Class::Organization) {
                if self.units[org].proxy || self.is_proxy_object(org) {
                    group.insert(0, org);
                }
            }
        }
        Some(group)
    }

    /// Walks left over titles, forms of address and capitalised words:
    /// "headed by Foreign Minister | Amir Khan Muttaqi".
    fn skip_titles_back(&self, mut k: usize) -> usize {
        while k > 0 {
            let w = self.word(k - 1);
            let titleish = self.p.title_words.contains(w)
                || self.p.honorifics.contains_word(w)
                || (self.cap(k - 1) && self.is_word_at(k - 1) && self.unit_ending_at(k).is_none() && !self.inside_unit(k - 1))
                || (w == "." && k >= 2 && self.tokens[k - 2].text.len() <= 3);
            if !titleish || self.inside_unit(k - 1) {
                break;
            }
            k -= 1;
        }
        k
    }

    /// Walks right over titles, forms of address and capitalised words.
    fn skip_titles_forward(&self, mut k: usize, max: usize) -> usize {
        let stop = (k + max).min(self.tokens.len());
        while k < stop && self.unit_at(k).is_none() {
            if let Some(n) = self.p.honorifics.match_at(self.tokens, k) {
                k += n;
                continue;
            }
            let w = self.word(k);
            let titleish =
                self.p.title_words.contains(w) || matches!(w, "the" | "-" | "." | "his" | "her") || (self.cap(k) && self.is_word_at(k));
            if !titleish {
                break;
            }
            k += 1;
        }
        k
    }

    /// "a delegation of the NRF, headed by Ahmad Massoud, held talks": the
    /// person heading the delegation takes part too.
    fn with_delegation_leader(&self, mut group: Vec<usize>, t: usize) -> Vec<usize> {
        let Some(&last) = group.last() else { return group };
        let org = &self.units[group[0]];
        if org.class != Class::Organization || !(org.proxy || self.is_proxy_object(group[0])) {
            return group;
        }
        let mut k = self.units[last].end;
        if self.word(k) == "," {
            k += 1;
        }
        if let Some(n) = self.p.lead_passive.match_at(self.tokens, k) {
            if let Some(p) = self.name_after_long_title(k + n).filter(|&p| self.units[p].end <= t) {
                if !group.contains(&p) {
                    group.push(p);
                }
                return group;
            }
            let j = self.skip_titles_forward(k + n, 8);
            if let Some(p) = self.unit_at(j).filter(|&p| self.units[p].class == Class::Person && self.units[p].end <= t) {
                if !group.contains(&p) {
                    group.push(p);
                }
            }
        }
        group
    }

    /// "a delegation of the NRF", "representatives from the Taliban".
    fn is_proxy_object(&self, u: usize) -> bool {
        let mut k = self.units[u].start;
        while k > 0 && matches!(self.word(k - 1), "the" | "a" | "an") {
            k -= 1;
        }
        k > 0 && matches!(self.word(k - 1), "of" | "from") && self.p.proxies.match_before(self.tokens, k - 1).is_some()
    }

    /// The preposition that governs unit `u`, if any.
    fn preposition_before(&self, u: usize) -> Option<&str> {
        let mut k = self.units[u].start;
        while k > 0 && matches!(self.word(k - 1), "the" | "a" | "an") {
            k -= 1;
        }
        (k > 0 && PREPOSITIONS.contains(&self.word(k - 1))).then(|| self.word(k - 1))
    }

    /// "of the Taliban", "from the NRF": a unit inside a prepositional phrase.
    fn is_prepositional_object(&self, u: usize) -> bool {
        let mut k = self.units[u].start;
        while k > 0 && matches!(self.word(k - 1), "the" | "a" | "an") {
            k -= 1;
        }
        k > 0 && PREPOSITIONS.contains(&self.word(k - 1))
    }

    /// Whether a meeting trigger at `t` is reported as not having happened.
    fn irrealis_before(&self, t: usize, lo: usize) -> bool {
        let from = t.saturating_sub(5).max(lo);
        for i in from..t {
            if self.inside_unit(i) {
                continue;
            }
            if self.p.irrealis_before.match_at(self.tokens, i).is_some_and(|n| i + n <= t) {
                // "to" blocks only right before the verb: "travelled to Doha and met".
                if self.word(i) == "to" && i + 1 != t {
                    continue;
                }
                return true;
            }
        }
        false
    }

    fn sentence_is_realis(&self) -> bool {
        self.p.realis.occurs_in(self.tokens)
    }

    // -------------------------------------------------------------- metWith

    fn meetings(&mut self) {
        let n = self.tokens.len();
        let realis = self.sentence_is_realis();
        let mut i = 0;
        while i < n {
            if let Some(len) = self.p.meet_their.match_at(self.tokens, i) {
                if self.p.meet_nouns.match_at(self.tokens, i + len).is_some() {
                    self.meeting_their(i);
                }
            }
            if let Some(len) = self.p.meet_transitive.match_at(self.tokens, i) {
                if !self.inside_unit(i) {
                    self.meeting_transitive(i, i + len, realis);
                    i += len;
                    continue;
                }
            }
            if let Some(end) = self.light_verb_phrase(i) {
                if !self.inside_unit(i) {
                    self.meeting_verb(i, end, realis);
                    i = end;
                    continue;
                }
            }
            if let Some(len) = self.p.meet_verbs.match_at(self.tokens, i) {
                if !self.inside_unit(i) && !matches!(self.word(i.wrapping_sub(1)), "the" | "a" | "their" | "this" | "that" | "'s") {
                    self.meeting_verb(i, i + len, realis);
                    i += len;
                    continue;
                }
            }
            if let Some(len) = self.p.meet_nouns.match_at(self.tokens, i) {
                if !self.inside_unit(i) {
                    self.meeting_noun(i, i + len);
                    i += len;
                    continue;
                }
            }
            i += 1;
        }
    }

    /// "held three rounds of talks", "had a long meeting": the end of the
    /// phrase when a light verb at `i` governs a meeting noun.
    fn light_verb_phrase(&self, i: usize) -> Option<usize> {
        let n = self.p.light_verbs.match_at(self.tokens, i)?;
        for j in i + n..(i + n + 5).min(self.tokens.len()) {
            if let Some(len) = self.p.meet_nouns.match_at(self.tokens, j) {
                return Some(j + len);
            }
            let w = self.word(j);
            if !self.is_word_at(j) || self.unit_at(j).is_some() || self.is_breaker_at(j) || matches!(w, "and" | "or" | "with" | "to") {
                return None;
            }
        }
        None
    }

    /// "received Muttaqi", "called on Imran Khan": a meeting only with an
    /// actor right after the verb, and not an appeal ("called on X to ...").
    fn meeting_transitive(&mut self, t: usize, te: usize, realis: bool) {
        let mut j = te;
        while j < te + 4
            && self.unit_at(j).is_none()
            && (matches!(self.word(j), "the" | "a" | "an")
                || self.p.title_words.contains(self.word(j))
                || self.p.honorifics.match_at(self.tokens, j).is_some()
                || (self.cap(j) && self.unit_at(j).is_none() && self.is_word_at(j)))
        {
            j += 1;
        }
        let Some(first) = self.unit_at(j) else { return };
        if self.units[first].possessive {
            return;
        }
        let objects = self.with_delegation_leader(self.group_right(first, self.tokens.len()), self.tokens.len());
        let end = self.units[*objects.last().unwrap()].end;
        if self.word(end) == "to" {
            return;
        }
        let Some(subjects) = self.subject_of(t) else { return };
        let lo = self.units[*subjects.last().unwrap()].end;
        if (self.irrealis_before(t, lo) && !realis) || self.denied_before(t) {
            return;
        }
        let units: Vec<Unit> = subjects.iter().chain(&objects).map(|&u| self.units[u].clone()).collect();
        let refs: Vec<&Unit> = units.iter().collect();
        for &s in &subjects {
            for &o in &objects {
                let (a, b) = (self.units[s].entity, self.units[o].entity);
                self.emit(a, Predicate::MetWith, b, "meet-transitive", &refs, 0.85);
            }
        }
    }

    /// "the NRF denied reports that Massoud had met ...".
    fn denied_before(&self, t: usize) -> bool {
        (0..t).any(|k| self.p.denial.match_at(self.tokens, k).is_some_and(|n| k + n <= t))
    }

    fn meeting_verb(&mut self, t: usize, te: usize, realis: bool) {
        let Some(subjects) = self.subject_of(t).or_else(|| self.subject_before_gerund(t)) else { return };
        let lo = self.units[*subjects.last().unwrap()].end;
        if (self.irrealis_before(t, lo) && !realis) || self.denied_before(t) {
            return;
        }
        // "If A meets B, ...": a condition, not a report.
        let cs = self.clause_start(t);
        if cs > 0 && self.p.conditional.contains_word(self.word(cs - 1)) {
            return;
        }
        let objects = self.object_after(te);
        let rule_units: Vec<Unit> = subjects.iter().chain(objects.iter().flatten()).map(|&u| self.units[u].clone()).collect();
        let refs: Vec<&Unit> = rule_units.iter().collect();
        match objects {
            Some(objects) => {
                for &s in &subjects {
                    for &o in &objects {
                        let (a, b) = (self.units[s].entity, self.units[o].entity);
                        self.emit(a, Predicate::MetWith, b, "meet-verb-object", &refs, 0.9);
                    }
                }
            }
            None => {
                for (k, &s) in subjects.iter().enumerate() {
                    for &o in &subjects[k + 1..] {
                        let (a, b) = (self.units[s].entity, self.units[o].entity);
                        self.emit(a, Predicate::MetWith, b, "meet-verb-coordination", &refs, 0.9);
                    }
                }
            }
        }
    }

    /// "Kabulov told reporters after meeting Muttaqi": the gerund after
    /// "after" or "while" shares the subject of the sentence.
    fn subject_before_gerund(&self, t: usize) -> Option<Vec<usize>> {
        if t == 0 || !matches!(self.word(t - 1), "after" | "while") || !self.word(t).ends_with("ing") {
            return None;
        }
        let first = (0..self.units.len()).find(|&u| {
            let unit = &self.units[u];
            unit.end <= t && !unit.possessive && !unit.attributive && !self.is_prepositional_object(u)
        })?;
        let span = self.units[first].end..t - 1;
        if span.clone().any(|k| matches!(self.word(k), ";" | ":" | "\"") || self.p.relativizers.contains_word(self.word(k))) {
            return None;
        }
        Some(vec![first])
    }

    /// The other side of a meeting: "met (with) (a delegation from) X and Y".
    fn object_after(&self, te: usize) -> Option<Vec<usize>> {
        // Skip what can stand between a verb and its object: "with", "a
        // delegation from", "the then US special envoy", "in Tehran with".
        // A clause break, a new verb phrase ("and", "to discuss") or
        // punctuation ends the search.
        let mut j = te;
        let limit = (te + 9).min(self.tokens.len());
        while j < limit {
            // "with the Special Representative of Iran for Afghanistan, His
            // Excellency Hassan Kazemi Qomi": a long title, then the name.
            if let Some(p) = self.name_after_long_title(j) {
                return Some(self.group_right(p, self.tokens.len()));
            }
            if let Some(u) = self.unit_at(j) {
                let unit = &self.units[u];
                // "met Quds Force chief": an unnamed person of the organization.
                if unit.possessive || unit.attributive {
                    return None;
                }
                // "with Taliban negotiators led by Baradar": the leader too.
                return Some(self.with_delegation_leader(self.group_right(u, self.tokens.len()), self.tokens.len()));
            }
            let w = self.word(j);
            let word_ok = self.is_word_at(j)
                && !self.is_breaker_at(j)
                && !matches!(w, "and" | "or" | "but" | "to" | "for" | "about" | "after" | "before" | "over" | "between" | "against")
                && !COPULA.contains(&w)
                && self.trigger_at(j).is_none();
            let punct_ok =
                matches!(w, "\"" | "'" | "'s" | "&" | "-" | ".") && !(w == "." && !(j > te && self.tokens[j - 1].text.len() <= 3));
            if !(word_ok || punct_ok) {
                return None;
            }
            j += 1;
        }
        None
    }

    /// Skips forms of address from `k` ("His Excellency", "Mr.", "Mawlawi")
    /// up to where a unit starts: "Amir" may also be the start of a name.
    fn skip_forms_of_address(&self, mut k: usize) -> usize {
        while self.unit_at(k).is_none() {
            let Some(h) = self.p.honorifics.match_at(self.tokens, k) else { break };
            k += h;
            if self.word(k) == "." {
                k += 1;
            }
        }
        k
    }

    /// The person named after a title phrase that starts at `j` and ends
    /// with a comma: "the Special Representative of the Islamic Republic of
    /// Iran for Afghanistan, His Excellency Hassan Kazemi Qomi".
    fn name_after_long_title(&self, j: usize) -> Option<usize> {
        let mut k = j;
        while matches!(self.word(k), "the" | "a" | "an") {
            k += 1;
        }
        // "the Special Envoy", "the Russian Special Envoy": a title within
        // the first capitalized words.
        let first = k;
        while k < first + 3 && self.cap(k) && self.is_word_at(k) && !self.p.title_words.contains(self.word(k)) && self.unit_at(k).is_none()
        {
            k += 1;
        }
        if !self.p.title_words.contains(self.word(k)) || self.unit_at(k).is_some() {
            return None;
        }
        let stop = (k + 20).min(self.tokens.len());
        while k < stop && self.word(k) != "," {
            let w = self.word(k);
            let ok = self.p.title_words.contains(w)
                || matches!(w, "of" | "for" | "the" | "and" | "on" | "to" | "-" | "'s")
                || (self.cap(k) && self.is_word_at(k))
                || self.unit_at(k).is_some_and(|u| self.units[u].class == Class::Organization);
            if !ok || self.is_breaker_at(k) || self.trigger_at(k).is_some() {
                return None;
            }
            k += 1;
        }
        if self.word(k) != "," {
            return None;
        }
        let n = self.skip_forms_of_address(k + 1);
        self.unit_at(n).filter(|&u| self.units[u].class == Class::Person && !self.units[u].possessive)
    }

    fn meeting_noun(&mut self, t: usize, te: usize) {
        // "Taliban-NRF talks", "the Muttaqi-Massoud meeting".
        if let Some(b) = self.unit_ending_at(t) {
            let bs = self.units[b].start;
            if bs >= 2 && self.word(bs - 1) == "-" {
                if let Some(a) = self.unit_ending_at(bs - 1) {
                    let start = self.units[a].start;
                    if !self.irrealis_before(start, 0) && !self.irrealis_after(te) && !self.denied_before(start) {
                        let (a, b) = (self.units[a].clone(), self.units[b].clone());
                        self.emit(a.entity, Predicate::MetWith, b.entity, "meet-noun-compound", &[&a, &b], 0.85);
                    }
                }
            }
        }
        let w = self.word(te);
        let between = matches!(w, "between" | "among" | "amongst" | "involving") || (w == "held" && self.word(te + 1) == "between");
        if between {
            let start = if w == "held" { te + 2 } else { te + 1 };
            let Some(first) = (start..(start + 4).min(self.tokens.len())).find_map(|k| self.unit_at(k)) else { return };
            if self.units[first].possessive {
                return;
            }
            let group = self.group_right(first, self.tokens.len());
            if self.irrealis_before(t, 0) || self.irrealis_after(self.units[*group.last().unwrap()].end) {
                return;
            }
            if group.len() == 1 {
                self.meeting_with_their_side(t, first);
                return;
            }
            let units: Vec<Unit> = group.iter().map(|&u| self.units[u].clone()).collect();
            let refs: Vec<&Unit> = units.iter().collect();
            for (k, a) in units.iter().enumerate() {
                for b in &units[k + 1..] {
                    self.emit(a.entity, Predicate::MetWith, b.entity, "meet-noun-between", &refs, 0.9);
                }
            }
            return;
        }
        // "A's talks with B", "A's first meeting with B".
        if w == "with" {
            let owner = (t.saturating_sub(3)..t).rev().find_map(|k| {
                let u = self.unit_ending_at(k)?;
                (self.word(k) == "'s").then_some(u)
            });
            let Some(owner) = owner else { return };
            let Some(objects) = self.object_after(te) else { return };
            if self.irrealis_before(t, self.units[owner].end) || self.irrealis_after(self.units[*objects.last().unwrap()].end) {
                return;
            }
            let a = self.units[owner].clone();
            for o in objects {
                let b = self.units[o].clone();
                self.emit(a.entity, Predicate::MetWith, b.entity, "meet-noun-possessive", &[&a, &b], 0.85);
            }
        }
    }

    /// "The meeting was the first between the Taliban and their opponents":
    /// the other side is the rest of the meeting the document just reported,
    /// less the actor's own side.
    fn meeting_with_their_side(&mut self, t: usize, first: usize) {
        let a = self.units[first].clone();
        let k = a.end;
        if self.word(k) != "and" || !matches!(self.word(k + 1), "their" | "its" | "his" | "her") {
            return;
        }
        // Only when the sentence points back at that meeting: "the meeting",
        // "the talks", "this rendezvous".
        let anaphoric = (0..t)
            .any(|i| matches!(self.word(i), "the" | "this" | "that" | "these") && self.p.meet_nouns.match_at(self.tokens, i + 1).is_some());
        if !anaphoric || self.unit_at(k + 2).is_some() || !self.is_word_at(k + 2) {
            return;
        }
        let Some((sentence, participants)) = self.doc.last_meeting() else { return };
        if !participants.contains(&a.entity) && !participants.iter().any(|&p| self.doc.same_side(p, a.entity, self.gaz)) {
            return;
        }
        let others: Vec<usize> =
            participants.iter().copied().filter(|&p| p != a.entity && !self.doc.same_side(p, a.entity, self.gaz)).collect();
        for o in others {
            let b = self.synthetic(o);
            self.emit_with(a.entity, Predicate::MetWith, o, "meet-their-side", &[&a, &b], 0.8, Some(sentence));
        }
    }

    fn irrealis_after(&self, end: usize) -> bool {
        (end..(end + 6).min(self.tokens.len())).any(|i| self.p.irrealis_after.match_at(self.tokens, i).is_some())
    }

    /// "A told B during their talks": the two actors just before.
    fn meeting_their(&mut self, t: usize) {
        let hard = (0..t).rev().find(|&k| matches!(self.word(k), ";" | ":" | "."));
        let cs = hard.map_or(0, |k| k + 1).max(t.saturating_sub(15));
        let mut picked: Vec<Unit> = Vec::new();
        for u in self.units.iter().rev().filter(|u| u.end <= t && u.start >= cs) {
            if u.possessive || picked.iter().any(|p| p.entity == u.entity) {
                continue;
            }
            picked.push(u.clone());
            if picked.len() == 2 {
                break;
            }
        }
        if picked.len() == 2 {
            let (a, b) = (picked[1].clone(), picked[0].clone());
            self.emit(a.entity, Predicate::MetWith, b.entity, "meet-during-their", &[&a, &b], 0.8);
        }
    }

    // ------------------------------------------------------------- rejected

    fn rejections(&mut self) {
        let owners = self.proposal_owners();
        let n = self.tokens.len();
        let mut i = 0;
        while i < n {
            if let Some(len) = self.p.reject_nouns.match_at(self.tokens, i) {
                self.rejection_noun(i, i + len, &owners);
                i += len;
                continue;
            }
            let Some(len) = self.p.reject_verbs.match_at(self.tokens, i) else {
                i += 1;
                continue;
            };
            if self.inside_unit(i) {
                i += 1;
                continue;
            }
            let te = i + len;
            let blocked = (i.saturating_sub(2)..i).any(|k| !self.inside_unit(k) && self.p.reject_blockers.contains_word(self.word(k)));
            if !blocked {
                self.rejection(i, te, &owners);
            }
            i = te;
        }
    }

    /// Every proposal in the sentence whose author is named:
    /// (token of the proposal noun, unit of its author).
    fn proposal_owners(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (ui, u) in self.units.iter().enumerate() {
            // "the Taliban's (safe passage) offer"
            if u.possessive {
                // "the Taliban's offer" has "'s" to skip, "his offer" has not.
                let from = if self.word(u.end) == "'s" { u.end + 1 } else { u.end };
                for k in from..(u.end + 7).min(self.tokens.len()) {
                    if self.p.proposals.match_at(self.tokens, k).is_some() {
                        out.push((k, ui));
                        break;
                    }
                    if self.is_breaker_at(k) || self.word(k) == "," || self.unit_at(k).is_some() {
                        break;
                    }
                }
            } else {
                // "the Taliban offer", "NRF demands", "Taliban ceasefire offer"
                for k in u.end..(u.end + 3).min(self.tokens.len()) {
                    if self.p.proposals.match_at(self.tokens, k).is_some() {
                        out.push((k, ui));
                        break;
                    }
                    let w = self.word(k);
                    if !self.is_word_at(k)
                        || PREPOSITIONS.contains(&w)
                        || self.is_breaker_at(k)
                        || self.trigger_at(k).is_some()
                        || self.unit_at(k).is_some()
                        || COPULA.contains(&w)
                    {
                        break;
                    }
                }
            }
        }
        // "demands by the NRF", "the offer of safe passage from the Taliban"
        for k in 0..self.tokens.len() {
            let Some(len) = self.p.proposals.match_at(self.tokens, k) else { continue };
            if self.inside_unit(k) {
                continue;
            }
            let mut j = k + len;
            let limit = (k + len + 6).min(self.tokens.len());
            while j < limit {
                if let Some(fl) = self.p.proposal_from.match_at(self.tokens, j) {
                    let mut m = j + fl;
                    while matches!(self.word(m), "the" | "a" | "an") {
                        m += 1;
                    }
                    // "a proposal from Mr. West"
                    m = self.skip_forms_of_address(m);
                    // "the demands of the so-called Resistance Front"
                    let mut mods = m;
                    while mods < m + 4
                        && self.unit_at(mods).is_none()
                        && (self.tokens.get(mods).is_some_and(|t| t.is_word()) || self.word(mods) == "-")
                        && !PREPOSITIONS.contains(&self.word(mods))
                        && !self.is_breaker_at(mods)
                    {
                        mods += 1;
                    }
                    if self.unit_at(mods).is_some() {
                        m = mods;
                    }
                    if let Some(u) = self.unit_at(m) {
                        if !self.units[u].possessive || self.units[u].proxy {
                            out.push((k, u));
                        }
                        break;
                    }
                }
                if self.is_breaker_at(j)
                    || self.word(j) == ","
                    || self.unit_at(j).is_some()
                    || COPULA.contains(&self.word(j))
                    || self.trigger_at(j).is_some()
                {
                    break;
                }
                j += 1;
            }
        }
        out.sort();
        out.dedup_by_key(|x| x.0);
        out
    }

    /// "The NRF's refusal of Muttaqi's amnesty offer", "the Taliban's
    /// rejection of the NRF's demands".
    fn rejection_noun(&mut self, t: usize, te: usize, owners: &[(usize, usize)]) {
        if t < 2 || self.word(t - 1) != "'s" {
            return;
        }
        let Some(subject) = self.unit_ending_at(t - 1).or_else(|| self.units.iter().position(|u| u.end == t)) else { return };
        let Some((b, anaphoric, context)) = self.rejected_object(te, owners) else { return };
        let a = self.units[subject].clone();
        let rule = if anaphoric { "reject-noun-anaphoric" } else { "reject-noun" };
        self.emit_with(a.entity, Predicate::Rejected, b.entity, rule, &[&a, &b], 0.85, context);
    }

    fn rejection(&mut self, t: usize, te: usize, owners: &[(usize, usize)]) {
        // Passive: "the Taliban's offer was rejected by Massoud".
        if t > 0 && COPULA.contains(&self.word(t - 1)) && self.word(te) == "by" {
            let Some(agent) = (te + 1..(te + 4).min(self.tokens.len())).find_map(|k| self.unit_at(k)) else { return };
            let cs = self.clause_start(t);
            let Some(&(_, owner)) = owners.iter().rev().find(|(k, _)| *k >= cs && *k < t) else { return };
            let subjects = self.group_right(agent, self.tokens.len());
            let o = self.units[owner].clone();
            for s in subjects {
                let s = self.units[s].clone();
                self.emit(s.entity, Predicate::Rejected, o.entity, "reject-passive", &[&s, &o], 0.85);
            }
            return;
        }
        let Some(subjects) = self.subject_of(t) else { return };
        let Some((o, anaphoric, context)) = self.rejected_object(te, owners) else {
            // "Massoud demanded elections, and the Taliban refused": no
            // object, so what was refused is the proposal just made.
            if matches!(self.word(te), "." | "," | ";" | "" | "\"" | "and" | "but") {
                let made = self.proposals_made_at();
                let before = made.iter().rev().find(|&&(k, e)| k < t && subjects.iter().all(|&s| self.units[s].entity != e));
                if let Some(&(_, e)) = before {
                    let o = self.synthetic_here(e);
                    for s in subjects {
                        let s = self.units[s].clone();
                        self.emit(s.entity, Predicate::Rejected, o.entity, "reject-bare-after-proposal", &[&s, &o], 0.8);
                    }
                    return;
                }
            }
            // "The Taliban rejects Panjshir talks": talks with no other side
            // named; the document's meetings may name it.
            if self.rejects_bare_talks(te) {
                for s in subjects {
                    let s = &self.units[s];
                    self.rejected_talks.push((s.entity, s.resolved));
                }
            }
            return;
        };
        for s in subjects {
            let s = self.units[s].clone();
            let (rule, conf) = if anaphoric { ("reject-anaphoric-proposal", 0.8) } else { ("reject-proposal", 0.9) };
            self.emit_with(s.entity, Predicate::Rejected, o.entity, rule, &[&s, &o], conf, context);
        }
    }

    /// Whether the object of a rejection at `te` is talks with no actor in
    /// it: "rejects Panjshir talks", "rejected the negotiations".
    fn rejects_bare_talks(&self, te: usize) -> bool {
        let limit = (te + 5).min(self.tokens.len());
        for k in te..limit {
            if self.unit_at(k).is_some() || self.is_breaker_at(k) || !self.is_word_at(k) {
                return false;
            }
            if matches!(self.word(k), "talks" | "negotiations" | "dialogue" | "peace talks") {
                return !matches!(self.word(k + 1), "with" | "between" | "of" | "by" | "from");
            }
        }
        false
    }

    /// Where each proposal made in the sentence is and who made it: the
    /// proposal nouns with an author, and proposing verbs.
    fn proposals_made_at(&self) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = self.proposal_owners().into_iter().map(|(k, u)| (k, self.units[u].entity)).collect();
        out.extend(self.proposals_made_with_position().into_iter().map(|(k, _, e)| (k, e)));
        out.sort_unstable();
        out
    }

    /// A unit for an entity that this sentence names: not resolved further.
    fn synthetic_here(&self, entity: usize) -> Unit {
        let mut u = self.synthetic(entity);
        u.resolved = self.units.iter().filter(|x| x.entity == entity).all(|x| x.resolved);
        u
    }

    /// Proposals an actor makes with a verb: "the NRF presented the
    /// following demands", "the Taliban proposed that ...".
    fn proposals_made(&self) -> Vec<(String, usize)> {
        self.proposals_made_with_position().into_iter().map(|(_, n, e)| (n, e)).collect()
    }

    fn proposals_made_with_position(&self) -> Vec<(usize, String, usize)> {
        let mut out = Vec::new();
        for t in 0..self.tokens.len() {
            let Some(len) = self.p.proposal_making.match_at(self.tokens, t) else { continue };
            if self.inside_unit(t) {
                continue;
            }
            // "... did not accept these demands and instead proposed that":
            // a coordinated verb phrase shares the subject.
            let mut at = t;
            while at > 0 && matches!(self.word(at - 1), "instead" | "then" | "also" | "later" | "had" | "has" | "have") {
                at -= 1;
            }
            let subject = self.subject_of(at).or_else(|| {
                let and = (at.saturating_sub(1) > 0 && self.word(at - 1) == "and").then_some(at - 1)?;
                let c = self.clause_start(and);
                (c..and).find_map(|k| self.unit_at(k)).map(|u| vec![u])
            });
            let Some(subject) = subject else { continue };
            let Some(&s) = subject.first() else { continue };
            let entity = self.units[s].entity;
            let verb = self.word(t);
            if let Some((_, noun)) = self.p.proposal_verbs.iter().find(|(v, _)| v == verb) {
                out.push((t, noun.clone(), entity));
            }
            for k in t + len..(t + len + 5).min(self.tokens.len()) {
                if self.unit_at(k).is_some() || self.is_breaker_at(k) || !self.is_word_at(k) {
                    break;
                }
                if self.p.proposals.match_at(self.tokens, k).is_some() {
                    out.push((k, self.word(k).to_string(), entity));
                    break;
                }
            }
        }
        out
    }

    /// The author of what was rejected: the first proposal after the verb,
    /// whether it is anaphoric, and the earlier sentence that named the
    /// author when this one does not.
    fn rejected_object(&self, te: usize, owners: &[(usize, usize)]) -> Option<(Unit, bool, Option<usize>)> {
        let limit = (te + 16).min(self.tokens.len());
        for k in te..limit {
            if k > te && (self.p.object_stop.match_at(self.tokens, k).is_some() || matches!(self.word(k), "." | "!" | "?")) {
                return None;
            }
            if let Some(&(_, u)) = owners.iter().find(|(pk, _)| *pk == k) {
                return Some((self.units[u].clone(), false, None));
            }
            // "talks with the NRF"
            if matches!(self.word(k), "talks" | "negotiations" | "dialogue") && self.word(k + 1) == "with" {
                if let Some(u) = self.unit_at(k + 2).or_else(|| self.unit_at(k + 3).filter(|_| self.word(k + 2) == "the")) {
                    return Some((self.units[u].clone(), false, None));
                }
            }
            // "these demands": the demands named earlier in the sentence,
            // or else in an earlier sentence of the document.
            if self.p.proposals.match_at(self.tokens, k).is_some() && k > 0 && self.p.anaphoric.contains_word(self.word(k - 1)) {
                if let Some(&(_, u)) = owners.iter().rev().find(|(pk, _)| *pk < te) {
                    return Some((self.units[u].clone(), true, None));
                }
                if matches!(self.word(k - 1), "these" | "those" | "such" | "this" | "that") {
                    if let Some((entity, sentence)) = self.doc.owner_of(self.word(k)) {
                        if !self.units.iter().any(|u| u.entity == entity) {
                            let unit = self.synthetic(entity);
                            return Some((unit, true, Some(sentence)));
                        }
                    }
                }
                return None;
            }
        }
        None
    }

    /// A unit for an entity that an earlier sentence named.
    fn synthetic(&self, entity: usize) -> Unit {
        Unit {
            start: 0,
            end: 0,
            name_end: 0,
            entity,
            class: self.class(entity),
            possessive: false,
            proxy: false,
            attributive: false,
            resolved: true,
            pronoun: false,
        }
    }

    // ---------------------------------------------------------------- leads

    fn leads(&mut self) {
        for (a, b) in std::mem::take(&mut self.title_leads) {
            self.emit(a.entity, Predicate::Leads, b.entity, "leads-title", &[&a, &b], 0.9);
        }
        let n = self.tokens.len();
        for i in 0..n {
            if let Some(len) = self.p.leader_nouns.match_at(self.tokens, i) {
                if !self.inside_unit(i) {
                    self.leader_noun(i, i + len);
                }
            }
            if let Some(len) = self.p.lead_passive.match_at(self.tokens, i) {
                self.lead_passive(i, i + len);
            }
            if let Some(len) = self.p.lead_verbs.match_at(self.tokens, i) {
                if self.word(i + len) != "by" {
                    self.lead_verb(i, i + len);
                }
            }
        }
        self.lead_titles();
    }

    /// Whether the words before "ORG leader" make it something else:
    /// "former NRF chief", "a Taliban leader", "deputy Taliban leader".
    fn title_blocked(&self, org_start: usize) -> bool {
        let mut b = org_start;
        while b > 0 && self.word(b - 1) == "the" {
            b -= 1;
        }
        if b > 0 && self.p.lead_blockers.contains_word(self.word(b - 1)) && !PREPOSITIONS.contains(&self.word(b - 1)) {
            return true;
        }
        (b.saturating_sub(2)..b).any(|j| matches!(self.word(j), "former" | "ex" | "deputy"))
    }

    /// Whether the words before a leader noun make it something else
    /// ("former leader", "a commander", "one of the leaders").
    /// With `after_preposition`, "an ally of the leader of B" is blocked too:
    /// the leader is then not the person named before.
    fn leader_blocked(&self, n: usize, after_preposition: bool) -> bool {
        let mut k = n;
        // Look through determiners and harmless adjectives.
        while k > 0 && matches!(self.word(k - 1), "the" | "overall" | "supreme" | "top" | "also" | "current" | "new" | "its" | "their") {
            k -= 1;
        }
        let blocks = |w: &str| self.p.lead_blockers.contains_word(w) && (after_preposition || !PREPOSITIONS.contains(&w));
        if k > 0 && (blocks(self.word(k - 1)) || (self.word(k - 1) == "-" && k > 1 && blocks(self.word(k - 2)))) {
            return true;
        }
        (n.saturating_sub(3)..n).any(|j| matches!(self.word(j), "deputy") || self.p.role_past.contains_word(self.word(j)))
    }

    /// The organization right after "leader of": must be whole, not a part.
    fn org_after_of(&self, ne: usize) -> Option<usize> {
        if self.word(ne) != "of" {
            return None;
        }
        let mut k = ne + 1;
        while matches!(self.word(k), "the" | "whole" | "entire") {
            k += 1;
        }
        // "the chief of Pakistan's Inter-Services Intelligence": a country
        // named before the organization.
        if self.unit_at(k).is_none() && self.cap(k) && self.is_word_at(k) && self.word(k + 1) == "'s" {
            k += 2;
        }
        let mut u = self.unit_at(k)?;
        // "the commander of the IRGC's Quds Force": the part, not the parent.
        if self.units[u].possessive {
            u = self.unit_at(self.units[u].end + 1)?;
        }
        let unit = &self.units[u];
        if unit.class != Class::Organization
            || unit.possessive
            || unit.proxy
            || self.p.subunits.match_at(self.tokens, unit.name_end).is_some()
        {
            return None;
        }
        Some(u)
    }

    fn leader_noun(&mut self, n: usize, ne: usize) {
        if self.leader_blocked(n, false) {
            return;
        }
        let after_preposition = self.leader_blocked(n, true);
        let Some(org) = self.org_after_of(ne) else { return };
        // "A, leader of B" / "A who is the leader of B" / "A is the chief of B".
        let person = self.units.iter().rposition(|u| u.end <= n).filter(|_| !after_preposition).filter(|&p| {
            let u = &self.units[p];
            if u.class != Class::Person || u.possessive {
                return false;
            }
            let gap = &self.tokens[u.end..n];
            let opens = gap.first().is_some_and(|t| {
                t.text == "," || self.p.relativizers.contains_word(&t.text) || COPULA.contains(&t.text.as_str()) || t.text == "as"
            });
            let clean = gap.len() <= 10
                && (u.end..n).all(|k| !self.is_breaker_at(k) && self.trigger_at(k).is_none() && self.unit_at(k).is_none())
                && !gap.iter().any(|t| matches!(t.text.as_str(), "former" | "ex" | "(" | ")"));
            opens && clean
        });
        // "the leader of B, A, said" / "leader of B A".
        let person = person.or_else(|| {
            let end = self.units[org].end;
            let mut k = end;
            while k < end + 2 && matches!(self.word(k), "," | ":" | "-") {
                k += 1;
            }
            // "the supreme leader of the Taliban, Sheikh Haibatullah Akhundzada"
            let k = self.skip_titles_forward(k, 10);
            self.unit_at(k).filter(|&p| self.units[p].class == Class::Person && !self.units[p].possessive)
        });
        if let Some(p) = person {
            let (a, b) = (self.units[p].clone(), self.units[org].clone());
            self.emit(a.entity, Predicate::Leads, b.entity, "leads-leader-of", &[&a, &b], 0.9);
        }
    }

    fn lead_passive(&mut self, t: usize, te: usize) {
        // "B is led by A", "B, headed by A,"
        let mut k = t;
        while k > 0
            && matches!(
                self.word(k - 1),
                "," | "is" | "was" | "which" | "that" | "currently" | "now" | "being" | "has" | "been" | "are" | "still"
            )
        {
            k -= 1;
        }
        // "the NRF, the armed opposition movement led by Massoud": an
        // apposition that renames the organization.
        if self.unit_ending_at(k).is_none() {
            let mut b = k;
            while b > 0 && k - b < 6 && self.is_word_at(b - 1) && !self.cap(b - 1) && self.unit_ending_at(b).is_none() {
                b -= 1;
            }
            if b < k && matches!(self.word(b), "the" | "a" | "an") && b >= 1 && self.word(b - 1) == "," {
                k = b - 1;
            }
        }
        let Some(org) = self.unit_ending_at(k) else { return };
        if self.units[org].class != Class::Organization || self.units[org].possessive || self.units[org].proxy || self.is_proxy_object(org)
        {
            return;
        }
        // "led by former army chief of staff Yasin Zia": the title, however long.
        let mut j = te;
        while j < te + 8
            && self.unit_at(j).is_none()
            && (matches!(self.word(j), "the" | "its" | "their" | "of")
                || self.p.title_words.contains(self.word(j))
                || self.p.honorifics.contains_word(self.word(j))
                || (self.is_word_at(j) && !self.cap(j) && self.trigger_at(j).is_none() && !COPULA.contains(&self.word(j))))
        {
            j += 1;
        }
        let Some(first) = self.unit_at(j) else { return };
        let b = self.units[org].clone();
        for p in self.group_right(first, self.tokens.len()) {
            let a = self.units[p].clone();
            if a.class == Class::Person && !a.possessive {
                self.emit(a.entity, Predicate::Leads, b.entity, "leads-passive", &[&a, &b], 0.9);
            }
        }
    }

    fn lead_verb(&mut self, t: usize, te: usize) {
        // "A-led B", "A led B", "A, who heads B", "A heads the B".
        let person = if t >= 1 && self.word(t - 1) == "-" {
            self.unit_ending_at(t - 1)
        } else if let Some(u) = self.unit_ending_at(t) {
            Some(u)
        } else {
            self.subject_of(t).and_then(|g| g.last().copied())
        };
        let Some(p) = person else { return };
        let mut j = te;
        while matches!(self.word(j), "the" | "whole" | "entire") {
            j += 1;
        }
        // "leads the anti-Taliban National Resistance Front"
        let mut m = j;
        while m < j + 4
            && self.unit_at(m).is_none()
            && (self.word(m) == "-" || (self.tokens.get(m).is_some_and(|t| t.is_word()) && !PREPOSITIONS.contains(&self.word(m))))
        {
            m += 1;
        }
        // "leads the anti-Taliban National Resistance Front", "heads the
        // dreaded Haqqani network": a compound or an adjective or two.
        let adjectives = m - j <= 2 && (j..m).all(|k| self.is_word_at(k) && !self.cap(k) && !self.p.title_words.contains(self.word(k)));
        if self.unit_at(j).is_none() && self.unit_at(m).is_some() && ((j..m).any(|k| self.word(k) == "-") || adjectives) {
            j = m;
        }
        let Some(org) = self.unit_at(j) else { return };
        let (a, b) = (self.units[p].clone(), self.units[org].clone());
        if a.class != Class::Person
            || a.possessive
            || b.class != Class::Organization
            || b.possessive
            || b.proxy
            || self.p.subunits.match_at(self.tokens, b.name_end).is_some()
        {
            return;
        }
        // Former roles: "formerly led", "led ... until his death".
        if (t.saturating_sub(3)..t).any(|j| matches!(self.word(j), "former" | "formerly" | "once" | "previously"))
            || (b.end..self.tokens.len())
                .any(|j| matches!(self.word(j), "until" | "till") && matches!(self.word(j + 1), "his" | "her" | "its" | "their"))
            || (b.end..(b.end + 8).min(self.tokens.len())).any(|j| matches!(self.word(j), "until" | "till" | "before"))
        {
            return;
        }
        self.emit(a.entity, Predicate::Leads, b.entity, "leads-verb", &[&a, &b], 0.9);
    }

    /// "NRF supremo Massoud", "the Taliban's supreme leader, Akhundzada",
    /// "Akhundzada, the Taliban leader,".
    fn lead_titles(&mut self) {
        for oi in 0..self.units.len() {
            let org = self.units[oi].clone();
            if org.class != Class::Organization {
                continue;
            }
            let mut k = org.end;
            if self.word(k) == "'s" {
                k += 1;
            }
            // "the Taliban's reclusive supreme leader": a couple of adjectives.
            let mut adj = 0;
            while adj < 2
                && self.p.leader_titles.match_at(self.tokens, k).is_none()
                && self.tokens.get(k).is_some_and(|t| t.is_word())
                && !self.cap(k)
                && !self.p.title_words.contains(self.word(k))
                && !PREPOSITIONS.contains(&self.word(k))
                && !self.p.lead_blockers.contains_word(self.word(k))
                && self.unit_at(k).is_none()
            {
                k += 1;
                adj += 1;
            }
            let Some(len) = self.p.leader_titles.match_at(self.tokens, k) else { continue };
            let after = k + len;
            // "the NRF's chief spokesman" is no chief of the NRF.
            if self.p.title_words.contains(self.word(after)) || self.word(after) == "of" {
                continue;
            }
            let mut b = org.start;
            while b > 0 && self.word(b - 1) == "the" {
                b -= 1;
            }
            let definite = b < org.start;
            if self.title_blocked(org.start) {
                continue;
            }
            // Title, comma, name: "the Taliban's supreme leader, Akhundzada".
            if self.word(after) == "," {
                if let Some(p) = self.unit_at(after + 1) {
                    let a = self.units[p].clone();
                    if a.class == Class::Person && !a.possessive {
                        self.emit(a.entity, Predicate::Leads, org.entity, "leads-title", &[&a, &org], 0.9);
                        continue;
                    }
                }
            }
            // Name, then the title in apposition or after a copula:
            // "Akhundzada, the Taliban leader", "Massoud is the NRF's leader".
            let linked = b >= 2 && (self.word(b - 1) == "," || matches!(self.word(b - 1), "is" | "remains" | "became"));
            if (definite || self.word(org.end) == "'s") && linked {
                if let Some(p) = self.unit_ending_at(b - 1) {
                    let a = self.units[p].clone();
                    if a.class == Class::Person && !a.possessive {
                        self.emit(a.entity, Predicate::Leads, org.entity, "leads-title-apposition", &[&a, &org], 0.9);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------ roles, family

    fn emit_role(&mut self, person: &Unit, org: Option<&Unit>, words: (usize, usize), rule: &'static str) {
        if words.0 >= words.1 {
            return;
        }
        // A role must end on a noun: "acting foreign minister", not "acting".
        if self.p.role_modifiers.contains_word(self.word(words.1 - 1)) {
            return;
        }
        let past = (words.0..words.1).any(|k| self.p.role_past.contains_word(self.word(k)));
        let resolved = person.resolved || org.is_some_and(|o| o.resolved);
        let pronoun = person.pronoun || org.is_some_and(|o| o.pronoun);
        let confidence = 0.85 - resolution_cost(resolved, pronoun);
        let role = Role { person: person.entity, org: org.map(|o| o.entity), words, past, rule, confidence, inferred: resolved };
        if !self.roles.contains(&role) {
            self.roles.push(role);
        }
    }

    /// Roles given by a title before a name ("acting foreign minister Amir
    /// Khan Muttaqi", "Taliban spokesman Zabiullah Mujahid") or by an
    /// apposition after it ("Nazary, head of foreign relations of the NRF,").
    fn roles(&mut self) {
        for (person, org, words) in std::mem::take(&mut self.title_roles) {
            self.emit_role(&person, Some(&org), words, "role-title");
        }
        for (person, org) in std::mem::take(&mut self.affiliations) {
            self.emit(person.entity, Predicate::MemberOf, org.entity, "member-of-phrase", &[&person, &org], 0.8);
        }
        for pi in 0..self.units.len() {
            let u = self.units[pi].clone();
            if u.class != Class::Person || u.pronoun || u.possessive {
                continue;
            }
            // Title before the name, through forms of address.
            let mut k = u.start;
            let mut end = None;
            while k > 0 && !self.inside_unit(k - 1) {
                let w = self.word(k - 1);
                if self.p.title_words.contains(w) {
                    end.get_or_insert(k);
                } else if !(end.is_none() && self.p.honorifics.contains_word(w)) {
                    break;
                }
                k -= 1;
            }
            if let Some(end) = end {
                self.emit_role(&u, None, (k, end), "role-title");
            }
            // Apposition: "A, head of foreign relations of B,", "A, the interior minister".
            let mut k = u.end;
            if self.word(k) != "," {
                continue;
            }
            k += 1;
            loop {
                while matches!(self.word(k), "the" | "a" | "an" | "its" | "their") {
                    k += 1;
                }
                if !self.p.title_words.contains(self.word(k)) || self.unit_at(k).is_some() {
                    break;
                }
                let start = k;
                let mut org: Option<usize> = None;
                let mut j = k;
                let mut titles_a_person = false;
                while j < self.tokens.len() && j < start + 14 {
                    if let Some(o) = self.unit_at(j) {
                        let before = self.word(j - 1);
                        if org.is_none()
                            && self.units[o].class == Class::Organization
                            && matches!(before, "of" | "the" | "for" | "at" | "in")
                        {
                            org = Some(o);
                            j = self.units[o].end;
                            continue;
                        }
                        // "A, warlord B and C met": the title is B's, in a list.
                        titles_a_person = self.units[o].class == Class::Person;
                        break;
                    }
                    let w = self.word(j);
                    if !self.is_word_at(j) && !matches!(w, "-" | "'s" | "'") || w == "and" || self.is_breaker_at(j) {
                        break;
                    }
                    if self.p.relativizers.contains_word(w) || COPULA.contains(&w) || self.trigger_at(j).is_some() {
                        break;
                    }
                    j += 1;
                }
                if titles_a_person {
                    break;
                }
                let org_unit = org.map(|o| self.units[o].clone());
                self.emit_role(&u, org_unit.as_ref(), (start, j), "role-apposition");
                // "acting president of Afghanistan and leader of the Northern Alliance"
                if self.word(j) == "and" {
                    k = j + 1;
                    continue;
                }
                break;
            }
        }
    }

    /// "A, son of B", "B's son A", "A, the father of B".
    fn family(&mut self) {
        for pi in 0..self.units.len() {
            let u = self.units[pi].clone();
            if u.class != Class::Person || u.pronoun {
                continue;
            }
            if u.possessive {
                let k = u.end + 1;
                if let Some(n) = self.p.child_nouns.match_at(self.tokens, k) {
                    let mut j = k + n;
                    if self.word(j) == "," {
                        j += 1;
                    }
                    if let Some(c) = self.unit_at(j).filter(|&c| self.units[c].class == Class::Person) {
                        let child = self.units[c].clone();
                        self.emit(child.entity, Predicate::ChildOf, u.entity, "family-possessive", &[&child, &u], 0.85);
                    }
                }
                continue;
            }
            let mut k = u.end;
            if self.word(k) == "," {
                k += 1;
            }
            while matches!(self.word(k), "the" | "a" | "an") {
                k += 1;
            }
            let (n, child_first) = match (self.p.child_nouns.match_at(self.tokens, k), self.p.parent_nouns.match_at(self.tokens, k)) {
                (Some(n), _) => (n, true),
                (None, Some(n)) => (n, false),
                _ => continue,
            };
            if self.word(k + n) != "of" {
                continue;
            }
            // "son of anti-Taliban fighter Ahmad Shah Massoud"
            let mut j = k + n + 1;
            while j < k + n + 8 && self.unit_at(j).is_none() && (self.is_word_at(j) || self.word(j) == "-") && !self.is_breaker_at(j) {
                j += 1;
            }
            let Some(o) = self.unit_at(j).filter(|&o| self.units[o].class == Class::Person && !self.units[o].possessive) else { continue };
            let other = self.units[o].clone();
            let (child, parent) = if child_first { (&u, &other) } else { (&other, &u) };
            self.emit(child.entity, Predicate::ChildOf, parent.entity, "family-apposition", &[child, parent], 0.85);
        }
    }
}
