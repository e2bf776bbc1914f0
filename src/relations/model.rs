//! The sentence model the rules share: *units* (an actor mention with what
//! is attached to it: "Taliban foreign minister Muttaqi" is one unit whose
//! head is Muttaqi; "National Resistance Front (NRF)" is one unit), the
//! token helpers, and [`extract`], which runs every rule on one sentence.
//!
//! Clauses, coordination and apposition are in `clauses`, modality in
//! `modality`; each relation's rules are in a file of their own.

use super::discourse::Discourse;
use super::facts::{Found, Output, Predicate, Role};
use crate::actors::discover::Actors;
use crate::actors::mentions::Sentence;
use crate::actors::resolve::{Mention, Via};
use crate::ontology::gazetteer::Class;
use crate::ontology::patterns::Patterns;
use crate::text::tokens::Token;

#[derive(Debug, Clone)]
pub(super) struct Unit {
    pub(super) start: usize,
    pub(super) end: usize,
    /// End of the name itself, before an absorbed proxy noun.
    pub(super) name_end: usize,
    pub(super) entity: usize,
    pub(super) class: Class,
    /// Followed by "'s" (and not by a proxy noun such as "delegation").
    pub(super) possessive: bool,
    /// "X's delegation": stands for X in a meeting.
    pub(super) proxy: bool,
    /// "Taliban minister" with no name after it: the organization only
    /// describes an unnamed person, who is not the organization.
    pub(super) attributive: bool,
    pub(super) resolved: bool,
    /// Stands for a pronoun resolved across sentences.
    pub(super) pronoun: bool,
}

impl Unit {
    /// This actor, standing for the pronoun at token `i`.
    pub(super) fn standing_in_for(&self, i: usize) -> Unit {
        Unit { start: i, end: i + 1, name_end: i + 1, resolved: true, ..self.clone() }
    }
}

pub(super) struct Ctx<'a> {
    pub(super) tokens: &'a [Token],
    pub(super) capitalized: &'a [bool],
    pub(super) units: Vec<Unit>,
    pub(super) gaz: &'a Actors<'a>,
    pub(super) p: &'a Patterns,
    pub(super) found: Vec<Found>,
    /// "NRF supremo Massoud", seen while building units: (person, org).
    pub(super) title_leads: Vec<(Unit, Unit)>,
    /// "Taliban foreign minister Muttaqi", seen while building units:
    /// (person, org, token range of the title).
    pub(super) title_roles: Vec<(Unit, Unit, (usize, usize))>,
    pub(super) roles: Vec<Role>,
    /// "Muttaqi of the Taliban government": (person, organization).
    pub(super) affiliations: Vec<(Unit, Unit)>,
    pub(super) rejected_talks: Vec<(usize, bool)>,
    pub(super) doc: &'a Discourse,
    /// Per token: the unit starting there, the unit ending there, and
    /// whether a unit covers it.
    pub(super) starts: Vec<Option<usize>>,
    pub(super) ends: Vec<Option<usize>>,
    pub(super) covered: Vec<bool>,
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
    // "The leaders of A and B, X and Y, met": X leads A and met B, not A.
    let led: Vec<(usize, usize)> = found.iter().filter(|f| f.predicate == Predicate::Leads).map(|f| (f.subject, f.object)).collect();
    found.retain(|f| f.predicate != Predicate::MetWith || !led.iter().any(|&l| l == (f.subject, f.object) || l == (f.object, f.subject)));
    Output { found, roles: ctx.roles, proposals, rejected_talks: ctx.rejected_talks }
}

/// What resolving costs a rule's confidence: a title, short name or generic
/// noun 0.1; a pronoun or another sentence 0.3 (the data contract documents
/// these figures in the ontology's comment on `ag:confidence`).
pub(super) fn resolution_cost(resolved: bool, pronoun: bool) -> f64 {
    if pronoun {
        0.3
    } else if resolved {
        0.1
    } else {
        0.0
    }
}

/// The days of the week: "on Saturday" dates a clause.
pub(super) const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

pub(super) const PREPOSITIONS: &[&str] =
    &["of", "in", "from", "by", "with", "for", "to", "at", "on", "about", "against", "into", "over", "under", "between"];
pub(super) const COPULA: &[&str] = &["is", "was", "are", "were", "been", "being", "be"];

impl<'a> Ctx<'a> {
    /// Whether token `i` is capitalized in the original; false past the end.
    /// Where a phrase starting at `k` starts with its articles: the "the"
    /// of "the NRF".
    pub(super) fn articles_before(&self, mut k: usize) -> usize {
        while k > 0 && matches!(self.word(k - 1), "the" | "a" | "an") {
            k -= 1;
        }
        k
    }

    pub(super) fn cap(&self, i: usize) -> bool {
        self.capitalized.get(i).copied().unwrap_or(false)
    }

    /// Whether token `i` is a word; false past the end.
    pub(super) fn is_word_at(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(Token::is_word)
    }

    /// Whether token `i` is a lower-case word that breaks no clause and is
    /// no copula or relativizer: a word a title phrase may hold ("liaison
    /// office chief", "head of its negotiating delegation").
    pub(super) fn plain_word(&self, i: usize) -> bool {
        let w = self.word(i);
        self.is_word_at(i) && !self.cap(i) && !self.is_breaker_at(i) && !COPULA.contains(&w) && !self.p.relativizers.contains_word(w)
    }

    pub(super) fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text.as_str())
    }

    pub(super) fn emit(
        &mut self,
        subject: usize,
        predicate: Predicate,
        object: usize,
        rule: &'static str,
        units: &[&Unit],
        confidence: f64,
    ) {
        self.emit_with(subject, predicate, object, rule, units, confidence, None);
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn emit_with(
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

    /// Whether an organization is an armed one: one of its names ends with
    /// an armed organization's head noun ("Libyan National Army").
    pub(super) fn armed(&self, e: usize) -> bool {
        self.name_ends_in(e, &self.p.armed_heads)
    }

    /// Whether an organization is a government: its name begins or ends
    /// with "government", "cabinet" or the like ("Kurdistan Regional
    /// Government", "Government of National Accord"). The name only: an
    /// altLabel "Taliban government" does not make the movement one.
    pub(super) fn government(&self, e: usize) -> bool {
        let words = crate::ontology::gazetteer::name_words(&self.gaz.get(e).pref_label);
        let head = |w: Option<&String>| w.is_some_and(|w| self.p.government_heads.contains_word(w));
        head(words.first()) || head(words.last())
    }

    fn name_ends_in(&self, e: usize, heads: &crate::text::tokens::PhraseSet) -> bool {
        let entity = self.gaz.get(e);
        std::iter::once(&entity.pref_label)
            .chain(&entity.alt_labels)
            .any(|label| crate::ontology::gazetteer::name_words(label).last().is_some_and(|w| heads.contains_word(w)))
    }

    pub(super) fn class(&self, e: usize) -> Class {
        self.gaz.get(e).class
    }

    // ---------------------------------------------------------------- units

    /// Whether the words `from..to` between an organization and a person
    /// are its title for them: title words ("foreign minister"), after
    /// "'s"; a title with modifiers before its head word ("foreign policy
    /// and security chief"), which must end in a title word; either with a
    /// complement ("special envoy for Afghanistan").
    fn is_title_gap(&self, from: usize, to: usize) -> bool {
        // "DEM Party MPs A and B": a plural title word ends the title of
        // each person of a list.
        let title = |i: usize| {
            let w = self.word(i);
            self.p.title_words.contains(w) || (i + 1 == to && self.p.is_plural_title(w))
        };
        let modifier = |i: usize| self.p.title_modifiers.contains(self.word(i));
        let possessive = self.word(from) == "'s";
        let from = if possessive { from + 1 } else { from };
        if from >= to {
            return false;
        }
        // "envoy | for Afghanistan": the title ends where its complement starts.
        // Only a preposition starts it here: "foreign policy | and security
        // chief" is one title with modifiers.
        let to = (from + 1..to)
            .find(|&k| self.word(k) != "and" && self.p.title_complement_end(self.tokens, self.capitalized, k) == Some(to))
            .unwrap_or(to);
        if (from..to).all(title) {
            return true;
        }
        // "BRN liaison office chief X": up to two plain nouns of the
        // organization's part before the head title word (not after "'s":
        // "the Taliban's reclusive supreme leader, X" is its leader).
        let plain = |k: usize| {
            let w = self.word(k);
            !possessive
                && self.plain_word(k)
                && !PREPOSITIONS.contains(&w)
                && self.trigger_at(k).is_none()
                && !matches!(w, "and" | "or" | "the" | "a" | "an")
        };
        title(to - 1)
            && (from..to).filter(|&k| !title(k) && !modifier(k) && plain(k)).count() <= 2
            && (from..to).all(|k| {
                title(k)
                    || modifier(k)
                    || plain(k)
                    // "foreign policy and security chief"
                    || (self.word(k) == "and" && k > from && k + 1 < to && (modifier(k - 1) || title(k - 1)))
            })
    }

    pub(super) fn build_units(&mut self, mentions: &[Mention]) {
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
        // Swallow a closing bracket after a merged acronym: "Front (NRF)",
        // and the rest of a variant in it: "SPLM-in-Government (SPLM-Juba)".
        let starts: Vec<usize> = units.iter().map(|u| u.start).collect();
        for u in &mut units {
            if !self.tokens[u.start..u.end].iter().any(|t| t.text == "(") {
                continue;
            }
            let close = (u.end..(u.end + 4).min(self.tokens.len())).find(|&k| self.tokens[k].text == ")");
            let variant = |k: usize| self.tokens[u.end].text == "-" && (self.tokens[k].is_word() || self.tokens[k].text == "-");
            if let Some(c) = close.filter(|&c| (u.end..c).all(|k| variant(k) && !starts.contains(&k))) {
                u.end = c + 1;
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
                // "the Taliban's top diplomat, Amir Khan Muttaqi", "the UN
                // envoy for Afghanistan, Karim Sadat"
                if gap.len() >= 2 && gap[gap.len() - 1].text == "," && self.is_title_gap(u.end, next.start - 1) {
                    gap = &gap[..gap.len() - 1];
                }
                // "NRF chief Gen. Massoud": a form of address after the title,
                // unless it ends the title ("UN Secretary-General X").
                let from = u.end + usize::from(gap.first().is_some_and(|t| t.text == "'s"));
                let whole_title = self.p.titles.match_at(self.tokens, from).is_some_and(|n| from + n == u.end + gap.len());
                while !whole_title
                    && gap.len() >= 2
                    && (self.p.honorifics.contains_word(&gap[gap.len() - 1].text)
                        || (gap[gap.len() - 1].text == "." && self.p.honorifics.contains_word(&gap[gap.len() - 2].text)))
                {
                    gap = &gap[..gap.len() - 1];
                }
                // "UN Assistance Mission to Iraq (UNAMI) head X": the acronym
                // in brackets, then the title.
                let paren = usize::from(gap.first().is_some_and(|t| t.text == ")") && u.start > 0 && self.word(u.start - 1) == "(");
                if !gap.is_empty() && gap.len() <= 12 && self.is_title_gap(u.end + paren, u.end + gap.len()) {
                    let mut skip = usize::from(gap[0].text == "'s") + paren;
                    // "Maoist rebel chief X": the fighters' leader.
                    if gap.len() > skip + 1 && self.p.fighter_words.contains_word(&gap[skip].text) {
                        skip += 1;
                    }
                    let title = u.end + skip;
                    let leads = self.p.leader_titles.match_at(self.tokens, title) == Some(gap.len() - skip)
                        || (self.p.armed_titles.match_at(self.tokens, title) == Some(gap.len() - skip) && self.armed(u.entity))
                        || (self.p.government_titles.match_at(self.tokens, title) == Some(gap.len() - skip) && self.government(u.entity));
                    // "Turkish Republic of Northern Cyprus (TRNC) President X":
                    // the acronym of a state, which no one leads as an
                    // organization.
                    let state = paren == 1
                        && (u.start.saturating_sub(8)..u.start).any(|k| self.p.state_heads.contains_word(self.word(k)) && self.cap(k));
                    if leads && !state && !self.title_blocked(u.start) {
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
            // "The UN envoy, Martin Griffiths, said he ...": the sentence's
            // first actor, named in apposition before the verb of saying.
            let speaker = merged.iter().find(|u| u.end == v && u.class == class && !u.possessive).or_else(|| {
                (v >= 2 && self.word(v - 1) == ",").then_some(())?;
                let u = merged.iter().find(|u| u.end == v - 1 && u.class == class && !u.possessive)?;
                // Only titles before it: "The UN special envoy, X, said".
                let titled = (0..u.start).all(|k| {
                    let w = self.word(k);
                    !self.is_word_at(k)
                        || self.cap(k)
                        || self.p.title_words.contains(w)
                        || matches!(w, "the" | "a" | "an" | "'s" | "to" | "for" | "of")
                });
                titled.then_some(u)
            });
            if let Some(u) = speaker {
                speakers.push(u.standing_in_for(i));
            }
        }
        // "Muttaqi called on Imran Khan a day after he held talks with
        // Qureshi", "X arrived in Kigali, where he was greeted by Y": after
        // a subordinator, the pronoun is the main subject.
        for i in 1..self.tokens.len() {
            let class = match self.word(i) {
                "he" | "she" => Class::Person,
                _ => continue,
            };
            // "the trip, during which he negotiated with X": a relative
            // clause of time or place after a preposition, the same way.
            let relative = self.word(i - 1) == "which" && i >= 2 && matches!(self.word(i - 2), "during" | "in" | "at" | "after");
            if !relative && !matches!(self.word(i - 1), "after" | "before" | "when" | "while" | "since" | "because" | "as" | "where") {
                continue;
            }
            // "The minister in the Taliban government, X, ... where he met":
            // not an actor in a prepositional phrase, past its article.
            let first = merged.iter().find(|u| {
                let k = self.articles_before(u.start);
                u.end <= i && !u.possessive && !u.attributive && (k == 0 || !PREPOSITIONS.contains(&self.word(k - 1)))
            });
            // "X said Y went to Kabul, where he met", "a visit by Y to Juba
            // where he met": a person between, who is the subject of a
            // reported clause or the agent after "by", may as well be meant.
            let rival = |f: &Unit| {
                merged.iter().any(|u| {
                    u.class == class
                        && u.entity != f.entity
                        && f.end <= u.start
                        && u.end <= i
                        && !u.possessive
                        && ((u.start.saturating_sub(5)..u.start)
                            .rev()
                            .take_while(|&k| self.word(k) == "by" || self.cap(k) || self.p.title_words.contains(self.word(k)))
                            .any(|k| self.word(k) == "by")
                            || self.p.say_verbs.match_before(self.tokens, u.start).is_some()
                            || (self.word(u.start.wrapping_sub(1)) == "that"
                                && u.start >= 2
                                && self.p.say_verbs.match_before(self.tokens, u.start - 1).is_some()))
                })
            };
            if let Some(u) = first.filter(|u| u.class == class && !rival(u)) {
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
                    // "its delegation": the pronoun owns no proposal here.
                    u.possessive = false;
                }
            }
        }
        for u in &mut merged {
            if u.proxy {
                continue;
            }
            // "the Hadi government", "Maduro loyalists": the person only
            // names a group that acts, not himself.
            if u.class == Class::Person && self.p.person_groups.match_at(self.tokens, u.end).is_some() {
                u.attributive = true;
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
                // "the Taliban's delegation" is the Taliban; "Haftar's
                // emissaries" are not Haftar.
                let proxy = proxy && u.class == Class::Organization;
                u.proxy = proxy;
                u.possessive = !proxy;
            }
        }
        self.units = merged;
        self.index_units();
    }

    pub(super) fn unit_at(&self, start: usize) -> Option<usize> {
        self.starts.get(start).copied().flatten()
    }

    /// Whether token `k` is a number written in digits ("12", "2021").
    pub(super) fn is_number_at(&self, k: usize) -> bool {
        let w = self.word(k);
        !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
    }

    pub(super) fn unit_ending_at(&self, end: usize) -> Option<usize> {
        self.ends.get(end).copied().flatten()
    }

    pub(super) fn inside_unit(&self, i: usize) -> bool {
        self.covered.get(i).copied().unwrap_or(false)
    }

    /// Indexes the units by token, so that the lookups above are O(1).
    pub(super) fn index_units(&mut self) {
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
}
