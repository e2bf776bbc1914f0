//! Meetings in a handing over: "A handed a letter from B to C", "A handed C
//! Moon's message", "A presented C with a letter". A letter given in person
//! is a meeting of the one who gives it and the one who takes it; one sent
//! is not (`handing` and `handed_items` in `patterns.toml`).

use super::model::Ctx;

impl Ctx<'_> {
    /// The handing over whose verb is at `t..te`.
    pub(super) fn handed_over(&mut self, t: usize, te: usize, realis: bool) {
        let limit = (te + 12).min(self.tokens.len());
        // "handed C a letter", "presented C with a letter": C first.
        let first = self.unit_at(self.skip_titles_forward(te, 6)).filter(|&u| {
            let end = self.units[u].end;
            let mut k = end + usize::from(self.word(end) == "with");
            while matches!(self.word(k), "a" | "an" | "the" | "his" | "her" | "their") {
                k += 1;
            }
            self.p.meet_handed_items.match_at(self.tokens, k).is_some() || self.units[u].possessive
        });
        // "handed (over) a letter (from B) to C": the item, then "to".
        let recipients = match first {
            Some(u) if !self.units[u].possessive => Some(self.group_right(u, self.tokens.len())),
            _ => {
                let item = (te..limit).find(|&k| self.p.meet_handed_items.match_at(self.tokens, k).is_some());
                let to = item.and_then(|i| (i + 1..limit).take_while(|&k| !self.is_breaker_at(k)).find(|&k| self.word(k) == "to"));
                to.and_then(|k| self.object_after(k + 1))
            }
        };
        let Some(recipients) = recipients.filter(|r| !r.is_empty()) else { return };
        let Some(givers) = self.subject_of(t) else { return };
        let lo = self.units[*givers.last().unwrap()].end;
        if (self.irrealis_before(t, lo) && !realis) || self.denied_before(t) || self.conditional_before(t) {
            return;
        }
        let recipients: Vec<usize> = recipients.into_iter().filter(|&r| !self.units[r].possessive).collect();
        self.meet_each(&givers, &recipients, "meet-handed-over", 0.8);
    }
}
