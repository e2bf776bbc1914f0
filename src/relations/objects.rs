//! Who is on the other side of a meeting: the object after a meeting verb
//! or "with" ("met (with) (a delegation from) X and Y"), through titles,
//! forms of address and long title phrases ("the Special Representative of
//! Iran for Afghanistan, His Excellency X"). The meeting rules
//! ([`super::meetings`]) and the rejection rules ("refused to meet X") ask
//! here.

use super::model::Ctx;
use super::model::{COPULA, PREPOSITIONS};
use crate::ontology::gazetteer::Class;

impl Ctx<'_> {
    /// The other side of a meeting: "met (with) (a delegation from) X and Y".
    pub(super) fn object_after(&self, te: usize) -> Option<Vec<usize>> {
        // Skip what can stand between a verb and its object: "with", "a
        // delegation from", "the then US special envoy", "in Tehran with".
        // A clause break, a new verb phrase ("and", "to discuss") or
        // punctuation ends the search.
        let mut j = te;
        let mut limit = (te + 9).min(self.tokens.len());
        while j < limit {
            // "met in Kabul in the presence of C": a witness, no partner;
            // "attended the talks along with C": company, no partner.
            if self.p.meet_presence.match_at(self.tokens, j).is_some() || self.p.meet_company.match_at(self.tokens, j).is_some() {
                return None;
            }
            // "with the Special Representative of Iran for Afghanistan, His
            // Excellency Hassan Kazemi Qomi": a long title, then the name.
            if let Some(p) = self.name_after_long_title(j) {
                return Some(self.group_right(p, self.tokens.len()));
            }
            if let Some(u) = self.unit_at(j) {
                let unit = &self.units[u];
                // "met at the Junts offices in the European Parliament with
                // X": an organization in a phrase of place is no partner.
                let place = j > te && {
                    let at = if self.word(j - 1) == "the" { j - 2 } else { j - 1 };
                    matches!(self.word(at), "at" | "in" | "inside")
                };
                if place {
                    limit = (limit + unit.end - j + 2).min(self.tokens.len());
                    j = unit.end;
                    continue;
                }
                // "met with the leader of the NRF Ahmad Massoud": the person
                // the title names, right after the organization.
                // "the head of Thailand's Peace Dialogue Panel, General X":
                // a country's organization after "of".
                let country_of =
                    j >= 3 && self.word(j - 1) == "'s" && self.p.countries.contains(self.word(j - 2)) && self.word(j - 3) == "of";
                let after_of =
                    (j >= 2 && self.word(j - 1) == "of") || (j >= 3 && self.word(j - 1) == "the" && self.word(j - 2) == "of") || country_of;
                if unit.class == Class::Organization && after_of {
                    let end = self.skip_place_after(unit.end);
                    let k = if self.word(end) == "," { end + 1 } else { end };
                    let before = if country_of {
                        j - 3
                    } else if self.word(j - 1) == "of" {
                        j - 1
                    } else {
                        j - 2
                    };
                    if before >= 1 && self.p.leader_nouns.match_before(self.tokens, before).is_some() {
                        if let Some(p) = self.unit_at(k).filter(|&p| self.units[p].class == Class::Person && !self.units[p].possessive) {
                            return Some(self.group_right(p, self.tokens.len()));
                        }
                        // "met with the leader of the NRF": its leader, unnamed,
                        // not the organization.
                        if !unit.attributive && !unit.possessive && !unit.proxy && !self.is_proxy_object(u) {
                            return None;
                        }
                    }
                }
                // "met the Houthis' spokesman Mohammed Abdulsalam": the person
                // the title names; "met Quds Force chief": an unnamed person
                // of the organization.
                let apostrophe = matches!(self.word(unit.end), "'s" | "'");
                if unit.possessive || unit.attributive || apostrophe {
                    let k = unit.end + usize::from(apostrophe);
                    let titled = self.p.title_words.contains(self.word(k)) || self.p.titles.match_at(self.tokens, k).is_some();
                    let named = self.skip_titles_forward(k, 6);
                    // "met Sinn Fein's Michelle O'Neill": the organization's
                    // person, named right after it.
                    let at = if titled { named } else { k };
                    if let Some(p) = self.unit_at(at).filter(|&p| self.units[p].class == Class::Person && !self.units[p].possessive) {
                        return Some(self.group_right(p, self.tokens.len()));
                    }
                    // "met with the Houthis' spokesman and head of its
                    // negotiating delegation, Mohammed Abdulsalam": a longer
                    // title, then the name after a comma.
                    if titled {
                        let comma = (k..(k + 10).min(self.tokens.len())).find(|&c| self.word(c) == ",");
                        let plain = |c: usize| {
                            (k..c).all(|j| {
                                let w = self.word(j);
                                self.plain_word(j)
                                    && (!PREPOSITIONS.contains(&w) || matches!(w, "of" | "for" | "to"))
                                    // "its delegation": the organization again.
                                    && self.unit_at(j).is_none_or(|u| self.units[u].pronoun)
                                    // "its negotiating delegation": an adjective.
                                    && (self.trigger_at(j).is_none() || (w.ends_with("ing") && j + 1 < c && !PREPOSITIONS.contains(&self.word(j + 1))))
                            })
                        };
                        if let Some(c) = comma.filter(|&c| plain(c)) {
                            let j = self.skip_forms_of_address(c + 1);
                            // Not "met the Taliban's spokesman on Monday, X said".
                            let speaks = |p: usize| self.p.say_verbs.match_at(self.tokens, self.units[p].end).is_some();
                            if let Some(p) =
                                self.unit_at(j).filter(|&p| self.units[p].class == Class::Person && !self.units[p].possessive && !speaks(p))
                            {
                                return Some(vec![p]);
                            }
                        }
                    }
                    return None;
                }
                // "with Taliban negotiators led by Baradar": the leader too.
                return Some(self.with_delegation_leader(self.group_right(u, self.tokens.len()), self.tokens.len()));
            }
            // "sat down with a Russian team headed by presidential aide
            // Vladimir Medinsky": the team's leader is the other side.
            if let Some(n) = self.p.lead_passive.match_at(self.tokens, j) {
                if j > te && self.p.proxies.match_before(self.tokens, j).is_some() {
                    let k = self.skip_titles_forward(j + n, 6);
                    if let Some(p) = self.unit_at(k).filter(|&p| self.units[p].class == Class::Person) {
                        return Some(self.group_right(p, self.tokens.len()));
                    }
                }
                return None;
            }
            // "met the High Representative for Foreign Affairs X"; not into
            // an organization's name ("the President of the Presidential
            // Leadership Council").
            if let Some(e) = self.title_complement_at(j).filter(|&e| (j..e).all(|k| self.unit_at(k).is_none())) {
                j = e;
                continue;
            }
            let w = self.word(j);
            // "met for several hours Thursday with X": the length first.
            if w == "for" {
                if let Some(d) = (j + 1..(j + 4).min(limit)).find(|&k| self.p.meet_durations.contains_word(self.word(k))) {
                    limit = (limit + d + 1 - j).min(self.tokens.len());
                    j = d + 1;
                    continue;
                }
            }
            let word_ok = self.is_word_at(j)
                && !self.is_breaker_at(j)
                && !matches!(
                    w,
                    "and" | "or" | "but" | "to" | "for" | "about" | "after" | "before" | "over" | "between" | "against"
                    // "met ahead of UN talks": time, not a partner.
                    | "ahead" | "prior" | "during" | "amid" | "following" | "until" | "since" | "despite"
                )
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
    pub(super) fn skip_forms_of_address(&self, mut k: usize) -> usize {
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
    pub(super) fn name_after_long_title(&self, j: usize) -> Option<usize> {
        let mut k = j;
        while matches!(self.word(k), "the" | "a" | "an") {
            k += 1;
        }
        // "the Special Envoy", "the Russian Special Envoy": a title within
        // the first capitalized words.
        // "the wanted leader of Bosnia's ethnic Serbs, X": a couple of
        // lower-case words may stand in the phrase, outside its title.
        let mut plain = 0;
        let lower_ok = |k: usize, plain: usize| {
            plain < 2
                && self.plain_word(k)
                && self.trigger_at(k).is_none()
                && !PREPOSITIONS.contains(&self.word(k))
                && !matches!(self.word(k), "and" | "or" | "but")
        };
        let first = k;
        while k < first + 3
            && ((self.cap(k) && self.is_word_at(k)) || lower_ok(k, plain))
            && !self.p.title_words.contains(self.word(k))
            && self.unit_at(k).is_none()
        {
            plain += usize::from(!self.cap(k));
            k += 1;
        }
        if !self.p.title_words.contains(self.word(k)) || self.unit_at(k).is_some() {
            return None;
        }
        let stop = (k + 20).min(self.tokens.len());
        while k < stop && self.word(k) != "," {
            if !self.p.title_words.contains(self.word(k)) && lower_ok(k, plain) {
                plain += 1;
                k += 1;
                continue;
            }
            // "the Chairman of the National Oil Corporation (NOC) X": the
            // person right after the title's organization, without a comma.
            if let Some(u) = self.unit_at(k).filter(|&u| self.units[u].class == Class::Person && !self.units[u].possessive) {
                let after_org = k > 0 && (self.unit_ending_at(k).is_some() || self.word(k - 1) == ")");
                return after_org.then_some(u);
            }
            let w = self.word(k);
            let ok = self.p.title_words.contains(w)
                || matches!(w, "of" | "for" | "the" | "and" | "on" | "to" | "-" | "'s" | "(" | ")")
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
        let mut n = self.skip_forms_of_address(k + 1);
        // "..., Ambassador X", "..., Lieutenant General X": the person's own
        // rank or title repeats before the name.
        let rank = n;
        while n < rank + 2 && self.unit_at(n).is_none() && self.cap(n) && self.p.title_words.contains(self.word(n)) {
            n += 1;
        }
        self.unit_at(n).filter(|&u| self.units[u].class == Class::Person && !self.units[u].possessive)
    }
}
