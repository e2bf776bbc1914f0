//! `ag:leads`: who heads a whole organization.
//!
//! - a title before the name: "NRF supremo Massoud";
//! - a leader noun in apposition: "Massoud, leader of the NRF";
//! - a passive: "the NRF is led by Massoud"; a compound: "the Massoud-led NRF";
//! - a verb: "Massoud heads the NRF".
//!
//! Sub-units, former roles and spokespeople are not leadership.

use super::facts::Predicate;
use super::model::Ctx;
use super::model::{COPULA, PREPOSITIONS};
use crate::ontology::gazetteer::Class;

impl Ctx<'_> {
    pub(super) fn leads(&mut self) {
        for (a, b) in std::mem::take(&mut self.title_leads) {
            self.emit(a.entity, Predicate::Leads, b.entity, "leads-title", &[&a, &b], 0.9);
        }
        let n = self.tokens.len();
        for i in 0..n {
            if let Some(len) = self.p.leader_nouns.match_at(self.tokens, i) {
                if !self.inside_unit(i) {
                    self.leader_noun(i, i + len, false);
                }
            }
            // "A, prime minister of the Kurdistan Regional Government": of a government only.
            if let Some(len) = self.p.government_titles.match_at(self.tokens, i) {
                if !self.inside_unit(i) {
                    self.leader_noun(i, i + len, true);
                }
            }
            if let Some(len) = self.p.lead_passive.match_at(self.tokens, i) {
                self.lead_passive(i, i + len);
            }
            self.respective_leaders(i);
            if let Some(len) = self.p.lead_verbs.match_at(self.tokens, i) {
                if self.word(i + len) != "by" {
                    self.lead_verb(i, i + len);
                }
            }
        }
        self.lead_titles();
    }

    /// "the leaders of A and B, X and Y": each leads the organization in
    /// the same place of the list, when both lists are as long.
    fn respective_leaders(&mut self, n: usize) {
        let w = self.word(n);
        let plural = w.len() > 3 && w.ends_with('s') && self.p.leader_nouns.contains_word(&w[..w.len() - 1]);
        if !plural || self.word(n + 1) != "of" || self.inside_unit(n) || self.leader_blocked(n, false) {
            return;
        }
        let k = if self.word(n + 2) == "the" { n + 3 } else { n + 2 };
        let Some(first) = self.unit_at(k) else { return };
        // The coordination runs on past the comma into the names.
        let group = self.group_right(first, self.tokens.len());
        let split = group.iter().position(|&u| self.units[u].class != Class::Organization).unwrap_or(group.len());
        let (orgs, people) = group.split_at(split);
        let comma = orgs.last().map(|&o| self.units[o].end);
        if orgs.len() < 2 || people.len() != orgs.len() || comma.is_none_or(|c| self.word(c) != ",") {
            return;
        }
        let whole = |g: &[usize], class: Class| g.iter().all(|&u| self.units[u].class == class && !self.units[u].possessive);
        if !whole(orgs, Class::Organization) || !whole(people, Class::Person) {
            return;
        }
        for (&a, &b) in people.iter().zip(orgs) {
            let (a, b) = (self.units[a].clone(), self.units[b].clone());
            self.emit(a.entity, Predicate::Leads, b.entity, "leads-respective", &[&a, &b], 0.8);
        }
    }

    /// Whether the words before "ORG leader" make it something else:
    /// "former NRF chief", "a Taliban leader", "deputy Taliban leader".
    pub(super) fn title_blocked(&self, org_start: usize) -> bool {
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
    pub(super) fn leader_blocked(&self, n: usize, after_preposition: bool) -> bool {
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
    pub(super) fn org_after_of(&self, ne: usize) -> Option<usize> {
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
        // "the self-styled Libyan National Army", "the UN-backed Presidential
        // Council": modifiers, a compound with an actor among them, before
        // the organization.
        let start = k;
        while k < start + 5 {
            if let Some(m) = self.unit_at(k).filter(|&m| self.word(self.units[m].end) == "-") {
                k = self.units[m].end;
            } else if self.word(k) == "-"
                // "the Iran-backed Houthis": a place before the hyphen.
                || (self.cap(k) && self.is_word_at(k) && self.word(k + 1) == "-")
                || (self.is_word_at(k) && !self.cap(k) && !PREPOSITIONS.contains(&self.word(k)) && !matches!(self.word(k), "and" | "or"))
            {
                k += 1;
            } else {
                break;
            }
        }
        if self.unit_at(k).is_none() {
            k = start;
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
            // "the head of the UN-backed government": a modifier, not the organization.
            || self.word(unit.end) == "-"
        {
            return None;
        }
        Some(u)
    }

    pub(super) fn leader_noun(&mut self, n: usize, ne: usize, government_only: bool) {
        if self.leader_blocked(n, false) {
            return;
        }
        let after_preposition = self.leader_blocked(n, true);
        let Some(org) = self.org_after_of(ne) else { return };
        if government_only && !self.government(self.units[org].entity) {
            return;
        }
        // The person named after the organization: "the leader of B, A,
        // said", "leader of B A", "the leader of the Sadrist movement in
        // Iraq, X" (a place first), "the supreme leader of the Taliban,
        // Sheikh Haibatullah Akhundzada" (titles first).
        let org_end = self.units[org].end;
        let named_after = {
            // "the head of the National Intelligence Organization (MIT), X":
            // past the acronym in brackets.
            let org_end = match (self.word(org_end), self.word(org_end + 2)) {
                ("(", ")") => org_end + 3,
                _ => org_end,
            };
            let end = self.skip_place_after(org_end);
            let mut k = end;
            while k < end + 2 && matches!(self.word(k), "," | ":" | "-") {
                k += 1;
            }
            let k = self.skip_titles_forward(k, 10);
            self.unit_at(k).filter(|&p| self.units[p].class == Class::Person && !self.units[p].possessive)
        };
        // "A, head of B C": a name right after the organization, with no
        // punctuation between, is its leader's, whoever stands before the title.
        let right_after = named_after.filter(|&p| !(org_end..self.units[p].start).any(|k| matches!(self.word(k), "," | ":" | "(" | "-")));
        // "A, leader of B" / "A who is the leader of B" / "A is the chief of B".
        // "A, President of Republika Srpska and leader of B": past an
        // organization in the complement of A's other title.
        let complement = |o: usize| self.units[o].class == Class::Organization && self.preposition_before(o) == Some("of");
        let before = (0..self.units.len()).rev().find(|&u| self.units[u].end <= n && !complement(u));
        let person = before.filter(|_| !after_preposition && right_after.is_none()).filter(|&p| {
            let u = &self.units[p];
            if u.class != Class::Person || u.possessive {
                return false;
            }
            let gap = &self.tokens[u.end..n];
            // "A has been appointed (as) interim leader of B".
            let appointed = {
                let mut k = 0;
                while k < gap.len()
                    && matches!(gap[k].text.as_str(), "has" | "have" | "had" | "was" | "is" | "been" | "be" | "will" | "now")
                {
                    k += 1;
                }
                k < gap.len()
                    && self.p.appointment_verbs.contains_word(&gap[k].text)
                    && gap[k + 1..]
                        .iter()
                        .all(|t| matches!(t.text.as_str(), "as" | "the" | "its" | "new" | "interim" | "acting" | "himself" | "herself"))
            };
            let opens = appointed
                || gap.first().is_some_and(|t| {
                    t.text == "," || self.p.relativizers.contains_word(&t.text) || COPULA.contains(&t.text.as_str()) || t.text == "as"
                });
            // "declared himself head of B": the appointment verb is no
            // clause break here.
            let clean = gap.len() <= 10
                && (u.end..n).all(|k| {
                    (!self.is_breaker_at(k) || (appointed && self.p.appointment_verbs.contains_word(self.word(k))))
                        && self.trigger_at(k).is_none()
                        && self.unit_at(k).is_none_or(complement)
                })
                && !gap.iter().any(|t| matches!(t.text.as_str(), "former" | "ex" | "(" | ")"))
                // "A, and the speaker of B, C": a new member of a list, not
                // A's second title ("A, president of X and leader of B").
                && !gap.windows(2).any(|w| w[0].text == "," && w[1].text == "and");
            opens && clean
        });
        // "attended by the secretary of X, A, the president of the B group in
        // Y, C, and D": in a list of titles each followed by its name, the
        // title is the next name's, not the name before.
        let in_title_list = person.is_some_and(|p| {
            let a = self.units[p].start;
            a > 0 && self.word(a - 1) == "," && self.word(self.units[p].end) == ","
        });
        let named_later = || {
            let stop = (org_end + 10).min(self.tokens.len());
            let comma = (org_end..stop)
                .take_while(|&k| !self.is_breaker_at(k) && self.unit_at(k).is_none_or(|u| self.units[u].class == Class::Organization))
                .find(|&k| self.word(k) == ",")?;
            self.unit_at(comma + 1).filter(|&p| {
                let u = &self.units[p];
                u.class == Class::Person && !u.possessive && matches!(self.word(u.end), "," | "and" | ".")
            })
        };
        // The title is then the later name's, when it names the whole
        // organization ("named_after"); "the B group in Y" names a part.
        let person = if in_title_list && named_later().is_some() { None } else { person };
        // "the leader of B, A, said" / "leader of B A".
        let person = person.or(named_after);
        if let Some(p) = person {
            let (a, b) = (self.units[p].clone(), self.units[org].clone());
            self.emit(a.entity, Predicate::Leads, b.entity, "leads-leader-of", &[&a, &b], 0.9);
        }
    }

    pub(super) fn lead_passive(&mut self, t: usize, te: usize) {
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
        if self.units[org].class != Class::Organization || self.units[org].possessive {
            return;
        }
        // "a KIO delegation headed by its chairman, General N'Ban La": the
        // delegation's leader is no leader of the organization, unless a
        // leader's title says so.
        if self.units[org].proxy || self.is_proxy_object(org) {
            self.delegation_led_by_its_leader(org, te);
            return;
        }
        // "led by former army chief of staff Yasin Zia": the title, however long.
        let mut j = te;
        while j < te + 8
            && self.unit_at(j).is_none()
            && (matches!(self.word(j), "the" | "its" | "their" | "of")
                || self.p.title_words.contains(self.word(j))
                // "led by Parliamentary Speaker X"
                || self.p.title_modifiers.contains(self.word(j))
                // "headed by Chadian former prime minister X"
                || (self.cap(j) && self.p.is_demonym(self.word(j)) && self.unit_at(j + 1).is_none())
                || self.p.honorifics.contains_word(self.word(j))
                || (self.is_word_at(j) && !self.cap(j) && self.trigger_at(j).is_none() && !COPULA.contains(&self.word(j))))
        {
            j += 1;
        }
        let Some(first) = self.unit_at(j) else { return };
        // "run by a Gbagbo ally": the name qualifies the title after it, whose
        // holder is not named.
        if self.units[first].class == Class::Person && self.p.is_title_or_plural(self.word(self.units[first].end)) {
            return;
        }
        let b = self.units[org].clone();
        for p in self.group_right(first, self.tokens.len()) {
            let a = self.units[p].clone();
            if a.class == Class::Person && !a.possessive {
                self.emit(a.entity, Predicate::Leads, b.entity, "leads-passive", &[&a, &b], 0.9);
            }
        }
    }

    /// "headed by its chairman, X", "led by the movement's leader X": the
    /// organization's own leader heads its delegation.
    fn delegation_led_by_its_leader(&mut self, org: usize, te: usize) {
        let k = match self.word(te) {
            "its" | "their" => te + 1,
            "the" if self.word(te + 2) == "'s" && !self.cap(te + 1) => te + 3,
            _ => return,
        };
        let Some(len) = self.p.leader_titles.match_at(self.tokens, k).or_else(|| self.p.leader_nouns.match_at(self.tokens, k)) else {
            return;
        };
        let mut j = k + len;
        if self.word(j) == "," {
            j += 1;
        }
        let j = self.skip_forms_of_address(j);
        let Some(p) = self.unit_at(j).filter(|&p| self.units[p].class == Class::Person && !self.units[p].possessive) else { return };
        let (a, b) = (self.units[p].clone(), self.units[org].clone());
        self.emit(a.entity, Predicate::Leads, b.entity, "leads-delegation-its-leader", &[&a, &b], 0.85);
    }

    pub(super) fn lead_verb(&mut self, t: usize, te: usize) {
        // "A-led B", "A led B", "A, who heads B", "A heads the B".
        let compound = t >= 1 && self.word(t - 1) == "-";
        let person = if compound {
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
        // "the Erdogan-led AKP's deputy chairman": the compound names the
        // leader of the organization, whatever it owns.
        if a.class != Class::Person
            || a.possessive
            || b.class != Class::Organization
            || (b.possessive && !compound)
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
    pub(super) fn lead_titles(&mut self) {
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
            // Title, comma, name: "the Taliban's supreme leader, Akhundzada";
            // after a possessive, the name right after too: "the PKK's jailed
            // leader Abdullah Ocalan".
            let named = match self.word(after) {
                "," => self.unit_at(after + 1),
                _ if self.word(org.end) == "'s" => self.unit_at(after),
                _ => None,
            };
            if let Some(p) = named.filter(|&p| self.units[p].class == Class::Person && !self.units[p].possessive) {
                let a = self.units[p].clone();
                self.emit(a.entity, Predicate::Leads, org.entity, "leads-title", &[&a, &org], 0.9);
                continue;
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
}
