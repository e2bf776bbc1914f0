//! `ag:rejected`: who refused what someone else proposed.
//!
//! - a verb with the proposal's owner: "Massoud rejected the Taliban's offer";
//! - the owner after the noun: "rejected demands by the NRF", "an offer from X";
//! - a proposal made in an earlier clause: "X proposed talks, which Y rejected";
//! - "A rejects talks" with no other side: recorded for the discourse rules.

use super::facts::Predicate;
use super::model::{Ctx, Unit};
use super::model::{COPULA, PREPOSITIONS};
use crate::ontology::gazetteer::Class;

impl Ctx<'_> {
    pub(super) fn rejections(&mut self) {
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
        self.said_unacceptable(&owners);
    }

    /// "Hayya said Netanyahu's proposal cannot be accepted", "X stated that
    /// the Taliban's offer was unacceptable": the speaker rejects the
    /// proposal's author.
    fn said_unacceptable(&mut self, owners: &[(usize, usize)]) {
        for &(k, owner) in owners {
            // The verdict follows the proposal within its clause: "the
            // proposal prolongs the war and therefore cannot be accepted".
            let stop =
                (k + 1..(k + 14).min(self.tokens.len())).find(|&j| self.unit_at(j).is_some() || matches!(self.word(j), ";" | ":" | "\""));
            let end = stop.unwrap_or((k + 14).min(self.tokens.len()));
            if !(k + 1..end).any(|j| self.p.reject_unacceptable.match_at(self.tokens, j).is_some()) {
                continue;
            }
            let os = self.units[owner].start;
            let Some(v) = (0..os).rev().find(|&v| self.p.say_verbs.match_at(self.tokens, v).is_some()) else { continue };
            let Some(speakers) = self.subject_of(v) else { continue };
            let o = self.units[owner].clone();
            for s in speakers {
                let s = self.units[s].clone();
                if s.entity != o.entity {
                    self.emit(s.entity, Predicate::Rejected, o.entity, "reject-said-unacceptable", &[&s, &o], 0.8);
                }
            }
        }
    }

    /// Every proposal in the sentence whose author is named:
    /// (token of the proposal noun, unit of its author).
    pub(super) fn proposal_owners(&self) -> Vec<(usize, usize)> {
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
                    // "a UN-proposed peace plan"
                    if w == "-" {
                        continue;
                    }
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
    pub(super) fn rejection_noun(&mut self, t: usize, te: usize, owners: &[(usize, usize)]) {
        let subject = if t >= 2 && self.word(t - 1) == "'s" {
            self.unit_ending_at(t - 1).or_else(|| self.units.iter().position(|u| u.end == t))
        } else if t >= 1 && matches!(self.word(t - 1), "his" | "her" | "their") {
            // "his refusal to negotiate with X": the pronoun's antecedent.
            self.unit_at(t - 1).filter(|&u| self.units[u].pronoun)
        } else {
            None
        };
        let Some(subject) = subject else { return };
        // "X's refusal to meet Y", "his unwillingness to negotiate with Y".
        if let Some(others) = self.refused_meeting_with(te) {
            let a = self.units[subject].clone();
            for o in others {
                let b = self.units[o].clone();
                self.emit(a.entity, Predicate::Rejected, b.entity, "reject-noun-meeting", &[&a, &b], 0.85);
            }
            return;
        }
        if self.word(t - 1) != "'s" {
            return;
        }
        let Some((b, anaphoric, context)) = self.rejected_object(te, owners) else { return };
        let a = self.units[subject].clone();
        let rule = if anaphoric { "reject-noun-anaphoric" } else { "reject-noun" };
        self.emit_with(a.entity, Predicate::Rejected, b.entity, rule, &[&a, &b], 0.85, context);
    }

    pub(super) fn rejection(&mut self, t: usize, te: usize, owners: &[(usize, usize)]) {
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
        let Some(subjects) = self.subject_of(t).or_else(|| self.subject_before_participle(t)) else { return };
        // "refused to meet Haftar", "ruled out negotiating with the M23":
        // refusing a meeting rejects the other side.
        if let Some(others) = self.refused_meeting_with(te) {
            for s in subjects {
                for &o in &others {
                    let (s, o) = (self.units[s].clone(), self.units[o].clone());
                    self.emit(s.entity, Predicate::Rejected, o.entity, "reject-meeting", &[&s, &o], 0.85);
                }
            }
            return;
        }
        // "A and B refused to meet each other": each rejected the other.
        if subjects.len() >= 2 && self.refused_meeting_each_other(te) {
            let units: Vec<Unit> = subjects.iter().map(|&u| self.units[u].clone()).collect();
            for a in &units {
                for b in units.iter().filter(|b| b.entity != a.entity) {
                    self.emit(a.entity, Predicate::Rejected, b.entity, "reject-meeting-each-other", &[a, b], 0.8);
                }
            }
            return;
        }
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
        // "the Putin-Erdogan ceasefire call": a proposal of two authors.
        let co_author = (!anaphoric && o.start >= 2 && self.word(o.start - 1) == "-")
            .then(|| self.unit_ending_at(o.start - 1))
            .flatten()
            .map(|u| self.units[u].clone())
            .filter(|u| !u.possessive && u.class == o.class);
        // "a ceasefire proposal by the GNA and the HoR": authors in a
        // coordination after "by" or "from".
        let authored = |u: usize| !anaphoric && matches!(self.preposition_before(u), Some("by" | "from"));
        let co_authors: Vec<Unit> = match self.unit_at(o.start).filter(|&u| authored(u)) {
            Some(u) => self
                .group_right(u, self.tokens.len())
                .into_iter()
                .skip(1)
                .map(|u| self.units[u].clone())
                .filter(|u| !u.possessive)
                .collect(),
            None => Vec::new(),
        };
        // "a proposal by United Nations envoy X": the envoy proposes for
        // the organization his title names.
        let principal = self
            .title_roles
            .iter()
            .find(|(person, org, (a, b))| {
                // Only a title that speaks for the organization: "UN envoy X",
                // "Taliban spokesman X"; a co-founder or a commander offers
                // in his own name.
                person.entity == o.entity
                    && org.start == o.start
                    && org.class == Class::Organization
                    && (*a..*b).any(|k| self.p.spokes_titles.contains_word(self.word(k)))
            })
            .map(|(_, org, _)| org.clone())
            .filter(|_| !anaphoric);
        for s in subjects {
            let s = self.units[s].clone();
            let (rule, conf) = if anaphoric { ("reject-anaphoric-proposal", 0.8) } else { ("reject-proposal", 0.9) };
            self.emit_with(s.entity, Predicate::Rejected, o.entity, rule, &[&s, &o], conf, context);
            for c in co_author.iter().chain(&co_authors) {
                self.emit_with(s.entity, Predicate::Rejected, c.entity, rule, &[&s, c], conf, context);
            }
            if let Some(org) = principal.as_ref().filter(|org| org.entity != s.entity) {
                self.emit_with(s.entity, Predicate::Rejected, org.entity, "reject-proposal-of-envoy", &[&s, org], 0.8, context);
            }
        }
    }

    /// The other side of a meeting refused right after a rejection verb: "to
    /// meet (with) X", "to sit with X", "negotiating with X".
    pub(super) fn refused_meeting_with(&self, te: usize) -> Option<Vec<usize>> {
        // "turned down an invitation to meet X": the offer of a meeting.
        let mut te = te;
        let mut k = te;
        while matches!(self.word(k), "a" | "an" | "the" | "his" | "her" | "their" | "its") {
            k += 1;
        }
        if k > te && self.word(k + 1) == "to" && self.p.meeting_offers.contains_word(self.word(k)) {
            te = k + 1;
        }
        // "rejects (a) direct meeting with X", "ruled out any talks with X",
        // "rebuffed the potential for a meeting with X".
        let mut n = k;
        if self.p.meeting_prospects.contains_word(self.word(n)) && matches!(self.word(n + 1), "of" | "for") {
            n += 2;
            while matches!(self.word(n), "a" | "an" | "the") {
                n += 1;
            }
        }
        while self.word(n) == "any" || self.word(n) == "further" || self.p.meet_noun_adjectives.contains_word(self.word(n)) {
            n += 1;
        }
        let partner_at = if let Some(len) = self.p.meet_nouns.match_at(self.tokens, n).filter(|&len| self.word(n + len) == "with") {
            n + len + 1
        } else {
            let verb = if self.word(te) == "to" { te + 1 } else { te };
            // "refused to talk to X": "talk" is a meeting only here, refused.
            let len = self.p.meet_verbs.match_at(self.tokens, verb).or_else(|| {
                (self.word(te) == "to" && self.word(verb) == "talk" && matches!(self.word(verb + 1), "to" | "with")).then_some(2)
            })?;
            if verb == te && !self.word(te).ends_with("ing") {
                return None;
            }
            verb + len
        };
        let objects = self.object_after(partner_at)?;
        Some(objects.into_iter().filter(|&o| !self.units[o].possessive).collect::<Vec<_>>()).filter(|o| !o.is_empty())
    }

    /// Whether a refusal at `te` is of meeting one another: "refused to
    /// (sit or) meet (with) each other".
    fn refused_meeting_each_other(&self, te: usize) -> bool {
        if self.word(te) != "to" {
            return false;
        }
        (te + 1..(te + 6).min(self.tokens.len())).any(|k| {
            matches!((self.word(k), self.word(k + 1)), ("each", "other") | ("one", "another"))
                && (te + 1..k).any(|v| self.p.meet_verbs.match_at(self.tokens, v).is_some())
                && (te + 1..k).all(|v| self.unit_at(v).is_none())
        })
    }

    /// Whether the object of a rejection at `te` is talks with no actor in
    /// it: "rejects Panjshir talks", "rejected the negotiations".
    pub(super) fn rejects_bare_talks(&self, te: usize) -> bool {
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
    pub(super) fn proposals_made_at(&self) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = self.proposal_owners().into_iter().map(|(k, u)| (k, self.units[u].entity)).collect();
        out.extend(self.proposals_made_with_position().into_iter().map(|(k, _, e)| (k, e)));
        out.sort_unstable();
        out
    }

    /// A unit for an entity that this sentence names: not resolved further.
    pub(super) fn synthetic_here(&self, entity: usize) -> Unit {
        let mut u = self.synthetic(entity);
        u.resolved = self.units.iter().filter(|x| x.entity == entity).all(|x| x.resolved);
        u
    }

    /// Proposals an actor makes with a verb: "the NRF presented the
    /// following demands", "the Taliban proposed that ...".
    pub(super) fn proposals_made(&self) -> Vec<(String, usize)> {
        self.proposals_made_with_position().into_iter().map(|(_, n, e)| (n, e)).collect()
    }

    pub(super) fn proposals_made_with_position(&self) -> Vec<(usize, String, usize)> {
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
    pub(super) fn rejected_object(&self, te: usize, owners: &[(usize, usize)]) -> Option<(Unit, bool, Option<usize>)> {
        // "rejected Kenyan Prime Minister X as a mediator": the actor in a
        // role offered to the subject (`reject.roles`).
        if let Some(u) = self.unit_at(te).or_else(|| self.unit_at(self.skip_titles_forward(te, 8))) {
            let mut j = self.units[u].end;
            if self.word(j) == "as" && !self.units[u].possessive {
                j += 1;
                while matches!(self.word(j), "a" | "an" | "the" | "its" | "their" | "his" | "her") {
                    j += 1;
                }
                if self.p.reject_roles.contains_word(self.word(j)) {
                    return Some((self.units[u].clone(), false, None));
                }
            }
        }
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
    pub(super) fn synthetic(&self, entity: usize) -> Unit {
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
}
