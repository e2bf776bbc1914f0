//! Roles and family: the role a sentence gives a person ("acting foreign
//! minister Muttaqi", "Nazary, head of foreign relations of the NRF"), which
//! also makes the person a member of the organization, and `ag:childOf`
//! ("A, son of B", "B's son A").

use super::facts::{Predicate, Role};
use super::model::{resolution_cost, COPULA};
use super::model::{Ctx, Unit};
use crate::ontology::gazetteer::Class;

impl Ctx<'_> {
    pub(super) fn emit_role(&mut self, person: &Unit, org: Option<&Unit>, words: (usize, usize), rule: &'static str) {
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
    pub(super) fn roles(&mut self) {
        // A copy: the rejection rules read these titles again ("a proposal by UN envoy X").
        for (person, org, words) in self.title_roles.clone() {
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
    pub(super) fn family(&mut self) {
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
