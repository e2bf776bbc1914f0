//! `ag:metWith` among the participants of a reported meeting: who else
//! took part, beyond the subject and object of a meeting verb.
//!
//! - the heads of delegations: "the talks, led by A and B";
//! - companions: "met B in the company of C", "accompanied by C";
//! - lists of participants: "the meeting included A, B and C";
//! - attendees: "In attendance were A and B", "A and B attended the talks"
//!   (the reported meeting's other side, not one another);
//! - the sides just reported: "the first meeting between A and their
//!   opponents", "A told B during their talks".

use super::facts::Predicate;
use super::model::{Ctx, Unit};
use crate::ontology::gazetteer::Class;

impl Ctx<'_> {
    /// "Monday's talks in Istanbul, led by A and B": two or more people
    /// leading one meeting met. `t..te` is the meeting noun. Whether it
    /// found such a list.
    pub(super) fn talks_led_by(&mut self, t: usize, te: usize) -> bool {
        let mut k = te;
        if matches!(self.word(k), "in" | "on" | "at") {
            while k < te + 6 && self.cap(k + 1) && self.unit_at(k + 1).is_none() {
                k += 1;
            }
            k += 1;
        }
        if self.word(k) == "," {
            k += 1;
        }
        // "The talks are led by A and B."
        if matches!(self.word(k), "are" | "were" | "is" | "was") {
            k += 1;
        }
        let Some(n) = self.p.lead_passive.match_at(self.tokens, k) else { return false };
        // "led by Ukraine's Defence Minister X": a country's title.
        let j = self.skip_titles_forward(self.skip_country_possessive(k + n), 8);
        let Some(first) = self.unit_at(j).filter(|&u| self.units[u].class == Class::Person) else { return false };
        let group = self.group_right(first, self.tokens.len());
        if group.len() < 2 || self.irrealis_before(t, 0) || self.modal_in_clause(t) || self.denied_before(t) {
            return false;
        }
        self.meet_one_another(&group, "meet-talks-led-by", 0.85);
        true
    }

    /// "... in the company of C and D", "..., accompanied by C": the actors
    /// a company phrase brings to the meeting, within a few words after `end`
    /// and in the same clause.
    pub(super) fn companions_after(&self, end: usize) -> Option<Vec<usize>> {
        let stop = (end + 6).min(self.tokens.len());
        let at = (end..stop).find(|&k| self.p.meet_company.match_at(self.tokens, k).is_some())?;
        if (end..at).any(|k| self.is_breaker_at(k) || self.trigger_at(k).is_some() || self.unit_at(k).is_some()) {
            return None;
        }
        let n = self.p.meet_company.match_at(self.tokens, at)?;
        if let Some(u) = self.name_after_long_title(at + n) {
            return Some(self.group_right(u, self.tokens.len()));
        }
        let j = self.skip_titles_forward(at + n, 8);
        let j = if self.word(j) == "," { self.skip_forms_of_address(j + 1) } else { j };
        let first = self.unit_at(j)?;
        // "in the company of the GNA's Minister of Interior, X": the person
        // the possessive title names, not the organization.
        let owner = self.units[first].possessive || self.word(self.units[first].end) == "'s";
        if owner {
            let k = (self.units[first].end..(self.units[first].end + 10).min(self.tokens.len())).find(|&k| self.word(k) == ",")?;
            let person = self.unit_at(self.skip_forms_of_address(k + 1)).filter(|&u| self.units[u].class == Class::Person)?;
            return Some(self.group_right(person, self.tokens.len()));
        }
        Some(self.group_right(first, self.tokens.len()))
    }

    /// "Accompanied by C and D, A met B": the company a sentence opens with,
    /// before the subject unit `s` (C and D met B too).
    pub(super) fn companions_before(&self, s: usize) -> Option<Vec<usize>> {
        let n = self.p.meet_company.match_at(self.tokens, 0)?;
        let first = (n..self.units[s].start).find_map(|k| self.unit_at(k)).filter(|&u| u != s)?;
        if self.units[first].possessive || (n..self.units[first].start).any(|k| self.is_breaker_at(k) || self.trigger_at(k).is_some()) {
            return None;
        }
        let group = self.group_right(first, self.units[s].start);
        (!group.contains(&s) && group.iter().all(|&u| self.units[u].class == Class::Person)).then_some(group)
    }

    /// "... in Nairobi in the presence of C and D": the witnesses of a
    /// meeting whose participants end at `end`, within a few words after it
    /// (a place or a time may come first) and in the same clause.
    pub(super) fn present_after(&self, end: usize) -> Option<Vec<usize>> {
        let stop = (end + 10).min(self.tokens.len());
        let at = (end..stop).find(|&k| self.p.meet_presence.match_at(self.tokens, k).is_some())?;
        // "received B during a meeting held in Riyadh in the presence of C":
        // the meeting itself may be named on the way.
        let named_meeting =
            |k: usize| k > 0 && matches!(self.word(k - 1), "a" | "the") && self.p.meet_nouns.match_at(self.tokens, k).is_some();
        if (end..at).any(|k| self.is_breaker_at(k) || (self.trigger_at(k).is_some() && !named_meeting(k)) || self.unit_at(k).is_some()) {
            return None;
        }
        let n = self.p.meet_presence.match_at(self.tokens, at)?;
        let j = self.skip_titles_forward(at + n, 8);
        let first = self.unit_at(j).filter(|&u| !self.units[u].possessive)?;
        Some(self.group_right(first, self.tokens.len()))
    }

    /// The actors listed after "the meeting included", "talks attended by",
    /// "In attendance were": every pair of them met, unless they are
    /// `attending` a meeting (see `attendees_meet`). `k` is where the list
    /// may start.
    pub(super) fn meeting_participants(&mut self, t: usize, k: usize, attending: bool) {
        let Some(first) = (k..(k + 4).min(self.tokens.len())).find_map(|j| self.unit_at(j)) else { return };
        if self.units[first].possessive || (k..self.units[first].start).any(|j| self.word(j) == "," || self.word(j) == ".") {
            return;
        }
        let group = self.group_right(first, self.tokens.len());
        if group.len() < 2 || self.irrealis_before(t, 0) || self.modal_in_clause(t) || self.denied_before(t) {
            return;
        }
        // "The meeting was also attended by A and B": they joined a meeting
        // told before; out of sight of it, who they met is unknown, and they
        // are most often one side.
        if attending && self.doc.last_meeting().is_none() && (t..k).any(|j| self.word(j) == "also") {
            return;
        }
        if attending {
            self.attendees_meet(&group, "meet-noun-participants", 0.85);
        } else {
            self.meet_one_another(&group, "meet-noun-participants", 0.85);
        }
    }

    /// "The meeting was chaired by X on Wednesday and attended by A and B":
    /// the chair (after "by" at `by`) met each of those who attended.
    pub(super) fn chaired_and_attended(&mut self, t: usize, by: usize) {
        let Some(chair) = self.unit_at(self.skip_titles_forward(by + 1, 8)) else { return };
        let chairs = self.group_right(chair, self.tokens.len());
        let end = self.units[*chairs.last().unwrap()].end;
        // "and attended by", past a day or a place: the same meeting.
        let stop = (end + 8).min(self.tokens.len());
        let Some(from) = (end..stop)
            .take_while(|&k| self.unit_at(k).is_none() && (self.word(k) == "and" || !self.is_breaker_at(k)))
            .filter(|&k| self.word(k) == "and")
            .find_map(|k| self.p.meet_attending.match_at(self.tokens, k + 1).map(|n| k + 1 + n))
        else {
            return;
        };
        // "attended by UN Assistance Mission to Iraq (UNAMI) head X": the
        // first actor, past a long title.
        let Some(first) = (from..(from + 12).min(self.tokens.len()))
            .take_while(|&j| !self.is_breaker_at(j) && self.word(j) != ",")
            .find_map(|j| self.unit_at(j))
        else {
            return;
        };
        let attendees = self.group_right(first, self.tokens.len());
        if self.irrealis_before(t, 0) || self.modal_in_clause(t) || self.denied_before(t) || self.units[first].possessive {
            return;
        }
        self.meet_each(&chairs, &attendees, "meet-chaired-attended", 0.85);
    }

    /// Those who attended a meeting met the participants of the meeting
    /// the article just reported, other than its subject (whose company they
    /// are), themselves and their side; with no such meeting, people met one
    /// another and organizations no one.
    pub(super) fn attendees_meet(&mut self, group: &[usize], rule: &'static str, confidence: f64) {
        let attendees: Vec<usize> = group.iter().map(|&u| self.units[u].entity).collect();
        let reported = self.doc.last_meeting().map(|(s, ps)| (s, ps.to_vec()));
        // With no reported meeting, people who attend one session met, as
        // at a summit; organizations listed as attending are one side.
        let Some((sentence, participants)) = reported else {
            // "Sudanese Minister A and Sudanese Minister B took part": one
            // country's delegation, not a meeting between them.
            let nationalities: Vec<Option<&str>> = group.iter().map(|&u| self.nationality_before(u)).collect();
            let one_side = nationalities.iter().all(|n| n.is_some() && *n == nationalities[0]);
            if group.iter().all(|&u| self.units[u].class == Class::Person) && !one_side {
                self.meet_one_another(group, rule, confidence);
            }
            return;
        };
        // "X met Y. Also in attendance were A and B": A and B came with the
        // meeting's subject X (its first participant) and met the others.
        let others: Vec<usize> = participants
            .into_iter()
            .skip(1)
            .filter(|&p| !attendees.contains(&p) && !attendees.iter().any(|&a| self.doc.same_side(p, a, self.gaz)))
            .collect();
        for &u in group {
            let a = self.units[u].clone();
            for &o in &others {
                let b = self.synthetic(o);
                self.emit_with(a.entity, Predicate::MetWith, o, rule, &[&a, &b], confidence - 0.05, Some(sentence));
            }
        }
    }

    /// The nationality in a person's title: "Sudanese" of "Sudanese Minister
    /// of Foreign Affairs X".
    fn nationality_before(&self, u: usize) -> Option<&str> {
        let mut k = self.units[u].start;
        let mut steps = 0;
        while k > 0 && steps < 8 {
            let w = self.word(k - 1);
            if self.cap(k - 1) && self.p.is_demonym(w) && !self.p.title_words.contains(w) {
                return Some(w);
            }
            let titleish = self.p.title_words.contains(w)
                || self.p.honorifics.contains_word(w)
                || matches!(w, "of" | "and" | "the" | "for")
                || (self.cap(k - 1) && self.unit_at(k - 1).is_none() && self.unit_ending_at(k).is_none());
            if !titleish {
                return None;
            }
            k -= 1;
            steps += 1;
        }
        None
    }

    /// "The meeting was the first between the Taliban and their opponents":
    /// the other side is the rest of the meeting the document just reported,
    /// less the actor's own side.
    pub(super) fn meeting_with_their_side(&mut self, t: usize, first: usize) {
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

    /// "A told B during their talks", "A and B ended their summit": the two
    /// actors just before.
    pub(super) fn meeting_their(&mut self, t: usize) {
        // "A and B will hold their summit": not (yet) a meeting.
        if self.irrealis_before(t, 0) || self.modal_in_clause(t) || self.denied_before(t) {
            return;
        }
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
}
