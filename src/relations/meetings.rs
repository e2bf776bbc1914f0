//! `ag:metWith`: the constructions that report a meeting.
//!
//! - a transitive verb: "Muttaqi met Massoud in Tehran";
//! - an intransitive verb with a partner: "A held talks with B", "A and B met";
//! - a meeting noun: "the meeting between A and B", "talks with A".
//!
//! Who else took part (companions, attendees, heads of delegations, the
//! sides just reported) is in `participants`.

use super::facts::Predicate;
use super::model::{Ctx, Unit};
use super::model::{COPULA, WEEKDAYS};
use crate::ontology::gazetteer::Class;

impl Ctx<'_> {
    pub(super) fn meetings(&mut self) {
        let n = self.tokens.len();
        let realis_spans = self.realis_spans();
        let mut i = 0;
        while i < n {
            // "took place", or "had met" at this very trigger.
            let realis = realis_spans.iter().any(|&(k, e, verb)| !verb || (k..e).contains(&i));
            if let Some(len) = self.p.meet_their.match_at(self.tokens, i) {
                // "ended their Hanoi summit", "during their first talks": a
                // place or an adjective may come first.
                let mut k = i + len;
                while k < i + len + 2
                    && (self.cap(k) && self.unit_at(k).is_none() || self.p.meet_noun_adjectives.contains_word(self.word(k)))
                {
                    k += 1;
                }
                if self.p.meet_nouns.match_at(self.tokens, k).is_some() {
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
                let before = self.word(i.wrapping_sub(1));
                // "a long overdue meeting between A and B", "the May 12
                // meeting" are nouns.
                let noun = matches!(before, "the" | "a" | "an" | "their" | "his" | "her" | "its" | "our" | "this" | "that" | "'s")
                    || (self.p.meet_nouns.match_at(self.tokens, i).is_some()
                        && (self.p.meet_noun_adjectives.contains_word(before)
                            || (i > 0 && self.is_number_at(i - 1))
                            // "Meeting of chief negotiators A and B held in X".
                            || matches!(self.word(i + len), "between" | "of")
                            // "the Kiir-Machar meeting this week".
                            || self.unit_ending_at(i).is_some_and(|b| {
                                let bs = self.units[b].start;
                                bs >= 2 && self.word(bs - 1) == "-" && self.unit_ending_at(bs - 1).is_some()
                            })));
                if !self.inside_unit(i) && !noun {
                    self.meeting_verb(i, i + len, realis);
                    i += len;
                    continue;
                }
            }
            // "In attendance were A, B and C": the participants of the
            // meeting the sentence or article is about.
            if let Some(len) = self.p.meet_attendance.match_at(self.tokens, i) {
                if !self.inside_unit(i) {
                    self.meeting_participants(i, i + len, true);
                    i += len;
                    continue;
                }
            }
            // "handed a letter to X": given in person.
            if let Some(len) = self.p.meet_handing.match_at(self.tokens, i) {
                if !self.inside_unit(i) {
                    self.handed_over(i, i + len, realis);
                }
            }
            // "discussed the ceasefire with X": the partner after the topic.
            if let Some(len) = self.p.meet_discussed.match_at(self.tokens, i) {
                if let Some(with) = self.discussed_with(i + len) {
                    self.meeting_verb(i, with, realis);
                    i = with;
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
    pub(super) fn light_verb_phrase(&self, i: usize) -> Option<usize> {
        let n = self.p.light_verbs.match_at(self.tokens, i)?;
        // "has overshadowed a series of talks": "has" is an auxiliary here,
        // its participle taking an object; "had extended talks" keeps its
        // adjective.
        if matches!(self.word(i), "has" | "have" | "had")
            && self.word(i + n).ends_with("ed")
            && matches!(self.word(i + n + 1), "a" | "an" | "the" | "his" | "her" | "their" | "its" | "this" | "that")
        {
            return None;
        }
        let mut end = (i + n + 5).min(self.tokens.len());
        for j in i + n..self.tokens.len() {
            if j >= end {
                break;
            }
            if let Some(len) = self.p.meet_nouns.match_at(self.tokens, j) {
                return Some(j + len);
            }
            let w = self.word(j);
            // "held three face-to-face meetings": a hyphenated word counts
            // as one.
            let hyphen = |k: usize| self.word(k) == "-" && k > 0 && self.tokens[k - 1].end == self.tokens[k].start;
            if hyphen(j) || (j > 0 && hyphen(j - 1)) {
                end = (end + 1).min(self.tokens.len());
                continue;
            }
            // "had no direct talks": a negated meeting is none; "had
            // cancelled their meeting": nor is one called off.
            if !self.is_word_at(j)
                || self.unit_at(j).is_some()
                || self.is_breaker_at(j)
                || matches!(w, "and" | "or" | "with" | "to" | "no" | "not" | "never")
                || self.p.irrealis_before.contains_word(w)
                || self.p.reject_verbs.contains_word(w)
            {
                return None;
            }
        }
        None
    }

    /// "received Muttaqi", "called on Imran Khan": a meeting only with an
    /// actor right after the verb, and not an appeal ("called on X to ...").
    pub(super) fn meeting_transitive(&mut self, t: usize, te: usize, realis: bool) {
        // "Y was received by X": the passive names the host after "by",
        // maybe after a place or a day ("was received at Erbil airport by X").
        let by = if matches!(self.word(te), "at" | "in" | "on") {
            (te + 1..(te + 6).min(self.tokens.len()))
                .take_while(|&k| self.is_word_at(k) && self.unit_at(k).is_none())
                .find(|&k| self.word(k) == "by")
        } else {
            Some(te).filter(|&k| self.word(k) == "by")
        };
        // "was received by X", "was later received by X": an adverb may
        // stand between the copula and the participle.
        let copula = (1..=2).map(|d| t.saturating_sub(d)).find(|&c| c < t && COPULA.contains(&self.word(c))).filter(|&c| {
            c + 1 == t
                || (!self.cap(c + 1)
                    && (self.word(c + 1).ends_with("ly") || matches!(self.word(c + 1), "later" | "then" | "also" | "first")))
        });
        if let (Some(by), Some(copula)) = (by, copula) {
            // "by White House chief of staff X": a long title first; "by the
            // President of the Council, X": the name after the title phrase.
            let Some(host) = self.name_after_long_title(by + 1).or_else(|| {
                (by + 1..(by + 6).min(self.tokens.len()))
                    .find_map(|k| self.unit_at(k))
                    .or_else(|| self.unit_at(self.skip_titles_forward(by + 1, 8)))
            }) else {
                return;
            };
            // "A met B on Thursday before being received by C": the
            // sentence's subject was received.
            let guests = if self.word(copula) == "being" { self.subject_before_gerund(copula) } else { self.subject_of(copula) };
            let Some(guests) = guests else { return };
            let lo = self.units[*guests.last().unwrap()].end;
            if (self.irrealis_before(copula, lo) && !realis) || self.denied_before(t) {
                return;
            }
            // "..., Monday's meeting in Khartoum was hosted by X": the meeting
            // is what was hosted, not the actor named before it.
            let chunk = (lo..t).rev().find(|&k| self.word(k) == ",").map_or(lo, |c| c + 1);
            if (chunk..t).any(|k| self.p.meet_nouns.match_at(self.tokens, k).is_some()) {
                return;
            }
            let hosts = self.group_right(host, self.tokens.len());
            self.meet_each(&guests, &hosts, "meet-hosted-passive", 0.85);
            return;
        }
        // "received the wanted leader of Bosnia's Serbs, X": a long title first.
        if let Some(p) = self.name_after_long_title(te) {
            if let Some(subjects) = self.subject_of(t) {
                let lo = self.units[*subjects.last().unwrap()].end;
                if !((self.irrealis_before(t, lo) && !realis) || self.denied_before(t)) {
                    let objects = self.group_right(p, self.tokens.len());
                    self.meet_each(&subjects, &objects, "meet-transitive", 0.85);
                }
            }
            return;
        }
        let mut j = te;
        while j < te + 4
            && self.unit_at(j).is_none()
            && (matches!(self.word(j), "the" | "a" | "an")
                // "hosted his Armenian counterpart X"
                || (j == te && matches!(self.word(j), "his" | "her" | "their"))
                // "visited jailed PKK leader X": a participle as adjective.
                || (j <= te + 1 && !self.cap(j) && self.word(j).ends_with("ed") && self.cap(j + 1) && self.is_word_at(j))
                || self.p.title_words.contains(self.word(j))
                || self.p.honorifics.match_at(self.tokens, j).is_some()
                || (self.cap(j) && self.unit_at(j).is_none() && self.is_word_at(j)))
        {
            j += 1;
        }
        let Some(first) = self.unit_at(j) else { return };
        // "visits Taliban chief": an unnamed person of the organization.
        if self.units[first].possessive || self.units[first].attributive {
            return;
        }
        let objects = self.with_delegation_leader(self.group_right(first, self.tokens.len()), self.tokens.len());
        let mut end = self.units[*objects.last().unwrap()].end;
        // "called on X, whom Y does not recognize, to resign": past a relative
        // clause about the object.
        if self.word(end) == "," && self.p.relativizers.contains_word(self.word(end + 1)) {
            if let Some(close) = (end + 2..(end + 16).min(self.tokens.len())).find(|&k| self.word(k) == ",") {
                end = close + 1;
            }
        }
        // "called on X to resign" is an appeal; "welcomed X to Washington"
        // is a visit.
        // "called on X on Saturday to stop": a day may come before the appeal.
        let mut appeal = end;
        while (self.word(appeal) == "on" && WEEKDAYS.contains(&self.word(appeal + 1)))
            || matches!(self.word(appeal), "again" | "today" | "yesterday")
        {
            appeal += if self.word(appeal) == "on" { 2 } else { 1 };
        }
        if self.word(appeal) == "to" && self.word(t) == "called" || self.word(end) == "to" && self.is_word_at(end + 1) && !self.cap(end + 1)
        {
            return;
        }
        let Some(subjects) = self.subject_of(t) else { return };
        let lo = self.units[*subjects.last().unwrap()].end;
        if (self.irrealis_before(t, lo) && !realis) || self.denied_before(t) {
            return;
        }
        self.meet_each(&subjects, &objects, "meet-transitive", 0.85);
        // "welcomed B upon arrival, along with C".
        self.company_and_witnesses(&subjects, &objects);
    }

    /// Who else was at a meeting of `subjects` with `objects`, named after
    /// the objects: "met B in the company of C and D" (C and D met B), "met
    /// B in the presence of C" (C met them all).
    fn company_and_witnesses(&mut self, subjects: &[usize], objects: &[usize]) {
        let end = self.units[*objects.last().unwrap()].end;
        if let Some(companions) = self.companions_after(end) {
            // "met B, who was accompanied by C": C is on B's side.
            let objects_side = (end..self.units[companions[0]].start).any(|k| self.p.relativizers.contains_word(self.word(k)));
            let other = if objects_side { subjects } else { objects };
            self.meet_each(&companions, other, "meet-in-company", 0.8);
        }
        // "Accompanied by C, A met B": the company opens the sentence.
        if let Some(companions) = self.companions_before(subjects[0]) {
            self.meet_each(&companions, objects, "meet-in-company", 0.8);
        }
        let all: Vec<usize> = subjects.iter().chain(objects).copied().collect();
        self.witnesses_meet(end, &all);
    }

    /// "... in the presence of C": the witnesses named after `end` met every
    /// participant of the meeting.
    fn witnesses_meet(&mut self, end: usize, participants: &[usize]) {
        if let Some(present) = self.present_after(end) {
            self.meet_each(&present, participants, "meet-in-presence", 0.8);
        }
    }

    /// "X hosted a meeting between A and B", "X, who hosted the A-B
    /// meeting": the subject of the hosting verb ending before `at` met the
    /// participants.
    fn hosts_meet(&mut self, at: usize, participants: &[usize], rule: &'static str) {
        let Some(h) = self.hosting_before(at) else { return };
        // "X announced the date after hosting a dinner for A and B".
        let Some(hosts) = self.subject_of(h).or_else(|| self.subject_before_gerund(h)) else { return };
        let hosts: Vec<usize> = hosts.into_iter().filter(|h| !participants.contains(h)).collect();
        if !hosts.is_empty() && !self.irrealis_before(h, self.units[*hosts.last().unwrap()].end) {
            self.meet_each(&hosts, participants, rule, 0.8);
        }
    }

    /// Every two units of `group` met; all of them are the rule's evidence.
    pub(super) fn meet_one_another(&mut self, group: &[usize], rule: &'static str, confidence: f64) {
        let units: Vec<Unit> = group.iter().map(|&u| self.units[u].clone()).collect();
        let refs: Vec<&Unit> = units.iter().collect();
        // "The Panel, led by X, and the BRN have met": X and the Panel are
        // one side.
        let heads: Vec<(usize, usize)> =
            group.iter().filter_map(|&u| self.headed_organization(u).map(|o| (self.units[u].entity, self.units[o].entity))).collect();
        for (i, a) in units.iter().enumerate() {
            for b in &units[i + 1..] {
                let (x, y) = (a.entity, b.entity);
                if heads.contains(&(x, y)) || heads.contains(&(y, x)) {
                    continue;
                }
                self.emit(a.entity, Predicate::MetWith, b.entity, rule, &refs, confidence);
            }
        }
    }

    /// Every unit of `sides` met every unit of `others`; all of them are the
    /// rule's evidence.
    pub(super) fn meet_each(&mut self, sides: &[usize], others: &[usize], rule: &'static str, confidence: f64) {
        let units: Vec<Unit> = sides.iter().chain(others).map(|&u| self.units[u].clone()).collect();
        let refs: Vec<&Unit> = units.iter().collect();
        for &s in sides {
            for &o in others {
                let (a, b) = (self.units[s].entity, self.units[o].entity);
                self.emit(a, Predicate::MetWith, b, rule, &refs, confidence);
            }
        }
    }

    pub(super) fn meeting_verb(&mut self, t: usize, te: usize, realis: bool) {
        let Some(subjects) = self.subject_of(t).or_else(|| self.subject_before_gerund(t)) else { return };
        // "Emissaries of A and B met": the people are not at the meeting.
        let subjects: Vec<usize> = subjects.into_iter().filter(|&u| !self.envoy_of(u)).collect();
        if subjects.is_empty() {
            return;
        }
        let lo = self.units[*subjects.last().unwrap()].end;
        if (self.irrealis_before(t, lo) && !realis) || self.denied_before(t) {
            return;
        }
        // "If A meets B, ...": a condition, not a report.
        if self.conditional_before(t) {
            return;
        }
        match self.object_after(te) {
            Some(objects) => {
                self.meet_each(&subjects, &objects, "meet-verb-object", 0.9);
                // "held trilateral talks with A and B": A and B met too.
                if objects.len() >= 2 && (t..te).any(|k| self.p.meet_multilateral.match_at(self.tokens, k).is_some()) {
                    self.meet_one_another(&objects, "meet-multilateral", 0.85);
                }
                self.company_and_witnesses(&subjects, &objects);
            }
            // "A and B held talks with Qatari officials": a partner that is
            // no actor, so A and B did not meet each other.
            None if self.partner_not_named(te) => {}
            // "A and B attended the talks": the reported meeting's other side.
            None if self.p.meet_attending.match_at(self.tokens, t).is_some() => {
                self.attendees_meet(&subjects, "meet-attended", 0.85);
            }
            // "A and B held separate talks", "A and B met separately": each
            // met someone else, not one another.
            None if (t..(te + 2).min(self.tokens.len())).any(|k| self.p.meet_separate.contains_word(self.word(k))) => {}
            None => {
                self.meet_one_another(&subjects, "meet-verb-coordination", 0.9);
                // "A and B met in Addis Ababa in the presence of C".
                self.witnesses_meet(te, &subjects);
            }
        }
    }

    /// Whether the meeting verb ending at `te` has a partner that is not an
    /// actor: "met with Qatari officials", "met on Sunday with mediators",
    /// "met the mediators". "A and B met on Sunday" has none.
    pub(super) fn partner_not_named(&self, te: usize) -> bool {
        if matches!(
            self.word(te),
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "several" | "some" | "two" | "three" | "senior" | "top"
        ) {
            return true;
        }
        for j in te..(te + 8).min(self.tokens.len()) {
            let w = self.word(j);
            if w == "with" || self.p.meet_separate.contains_word(w) {
                return true;
            }
            if !self.is_word_at(j)
                || self.is_breaker_at(j)
                || self.trigger_at(j).is_some()
                || matches!(w, "to" | "and" | "after" | "before")
            {
                return false;
            }
        }
        false
    }

    /// "Kabulov told reporters after meeting Muttaqi", "X met A before
    /// meeting B": the gerund after "after", "while" or "before" shares the
    /// subject of the sentence.
    pub(super) fn subject_before_gerund(&self, t: usize) -> Option<Vec<usize>> {
        if t == 0 || !matches!(self.word(t - 1), "after" | "while" | "before") || !self.word(t).ends_with("ing") {
            return None;
        }
        let first = self.first_subject_before(t - 1)?;
        // "Leaders representing A and B met X before meeting Y": the whole
        // coordination.
        let group = self.group_right(first, t - 1);
        let end = self.units[*group.last().unwrap()].end;
        (!self.clause_break_between(end, t - 1)).then_some(group)
    }

    /// "Massoud vowed to fight on, rejecting the Taliban's offer": a
    /// participle after a comma shares the subject of the sentence, unless
    /// the sentence reports someone else's words before it ("X said Y had
    /// spoken, rejecting ...": Y's, not X's).
    pub(super) fn subject_before_participle(&self, t: usize) -> Option<Vec<usize>> {
        if t == 0 || self.word(t - 1) != "," || !self.word(t).ends_with("ing") {
            return None;
        }
        let first = self.first_subject_before(t - 1)?;
        let end = self.units[first].end;
        let reported = (end..t).any(|k| self.p.say_verbs.match_at(self.tokens, k).is_some());
        (!reported && !self.clause_break_between(end, t - 1)).then(|| vec![first])
    }

    /// The sentence's first actor ending by `p` that can be a subject: not
    /// a possessive, an attribute or the object of a preposition.
    fn first_subject_before(&self, p: usize) -> Option<usize> {
        (0..self.units.len()).find(|&u| {
            let unit = &self.units[u];
            // "an interview with Radio X (RTRS)": a name in brackets restates
            // the one before it and is no subject.
            let bracketed = unit.start > 0 && self.word(unit.start - 1) == "(";
            unit.end <= p && !unit.possessive && !unit.attributive && !bracketed && !self.is_prepositional_object(u)
        })
    }

    /// "A and B reviewed the crisis during the meeting held at the palace":
    /// the subjects of what happened during a meeting met one another.
    /// "during the meeting with C" leaves it to the partner after "with".
    fn during_meeting(&mut self, t: usize, te: usize) {
        let mut d = t;
        while d > 0 && matches!(self.word(d - 1), "the" | "a" | "an" | "their" | "this" | "that") {
            d -= 1;
        }
        if d == 0 || self.word(d - 1) != "during" || matches!(self.word(te), "with" | "between" | "of" | "among") {
            return;
        }
        let during = d - 1;
        let Some(subjects) = self.subject_of(during) else { return };
        let lo = self.units[*subjects.last().unwrap()].end;
        if subjects.len() < 2
            || self.irrealis_before(during, lo)
            || self.modal_in_clause(t)
            || self.denied_before(t)
            || self.irrealis_after(te)
        {
            return;
        }
        self.meet_one_another(&subjects, "meet-during-meeting", 0.85);
    }

    /// Whether a quote, a colon or semicolon, or a relative clause stands
    /// between `a` and `b`, so that an actor before is no subject after.
    fn clause_break_between(&self, a: usize, b: usize) -> bool {
        (a..b).any(|k| matches!(self.word(k), ";" | ":" | "\"") || self.p.relativizers.contains_word(self.word(k)))
    }

    pub(super) fn meeting_noun(&mut self, t: usize, te: usize) {
        self.during_meeting(t, te);
        // "Taliban-NRF talks", "the Muttaqi-Massoud meeting".
        if let Some(b) = self.unit_ending_at(t) {
            let bs = self.units[b].start;
            if bs >= 2 && self.word(bs - 1) == "-" {
                if let Some(a) = self.unit_ending_at(bs - 1) {
                    let start = self.units[a].start;
                    if !self.irrealis_before(start, 0) && !self.irrealis_after(te) && !self.denied_before(start) {
                        let (au, bu) = (self.units[a].clone(), self.units[b].clone());
                        self.emit(au.entity, Predicate::MetWith, bu.entity, "meet-noun-compound", &[&au, &bu], 0.85);
                        // "X, who hosted the Kiir-Machar meeting": X met them.
                        self.hosts_meet(start, &[a, b], "meet-hosted-compound");
                    }
                }
            }
        }
        // "talks between A and B", "talks held between", "four rounds of
        // talks have been held between".
        let mut at = te;
        while at < te + 4 && matches!(self.word(at), "held" | "have" | "has" | "had" | "been" | "were" | "was" | "took" | "place") {
            at += 1;
        }
        // "the May 12 meeting in the southern city of Kandahar between A and
        // B": a place or a date before "between".
        if matches!(self.word(at), "in" | "on" | "at") {
            let stop = (at + 1..(at + 9).min(self.tokens.len())).find(|&k| {
                self.word(k) == ","
                    || self.unit_at(k).is_some()
                    || self.trigger_at(k).is_some()
                    || self.is_breaker_at(k)
                    || self.word(k) == "between"
            });
            if let Some(k) = stop.filter(|&k| self.word(k) == "between") {
                at = k;
            }
        }
        // "the talks in Istanbul, led by A and B": the heads of the
        // delegations met.
        if self.talks_led_by(t, te) {
            return;
        }
        // "the meeting of the Serbian List with the President of Serbia, X":
        // the actor after "of" met the one after "with".
        if self.word(te) == "of" {
            let k = if self.word(te + 1) == "the" { te + 2 } else { te + 1 };
            let unreal = self.irrealis_before(t, 0) || self.modal_in_clause(t) || self.denied_before(t) || self.conditional_before(t);
            if let Some(owner) = self.unit_at(k).filter(|&u| !self.units[u].possessive && !self.units[u].attributive) {
                let end = self.units[owner].end;
                if self.word(end) == "with" && !unreal {
                    if let Some(objects) = self.object_after(end + 1) {
                        if !self.irrealis_after(self.units[*objects.last().unwrap()].end) {
                            self.owner_met(owner, &objects, "meet-noun-of-with");
                        }
                    }
                    return;
                }
            }
            // "Meeting of chief negotiators A and B held in Bendery": the
            // coordinated participants (with their common title) met.
            let mut named = k;
            while named < k + 3 && self.p.is_title_or_plural(self.word(named)) {
                named += 1;
            }
            if let Some(first) = self.unit_at(named).filter(|_| !unreal) {
                let group = self.group_right(first, self.tokens.len());
                let end = self.units[*group.last().unwrap()].end;
                if group.len() >= 2
                    && group.iter().all(|&u| !self.units[u].possessive && !self.units[u].attributive)
                    && !self.irrealis_after(end)
                {
                    self.meet_one_another(&group, "meet-noun-of", 0.85);
                }
            }
            return;
        }
        let w = self.word(at);
        // "The meeting included A, B and C", "talks attended by A and B":
        // the participants all met.
        let mut p = te;
        // "the meeting in Herat on Monday included": a place or a date first.
        if matches!(self.word(p), "in" | "on" | "at") {
            let stop = (p + 1..(p + 6).min(self.tokens.len()))
                .find(|&k| !(self.cap(k) || self.is_number_at(k) || matches!(self.word(k), "in" | "on" | "at" | ",")));
            if let Some(k) = stop.filter(|&k| self.unit_at(k).is_none() && (p..k).all(|j| self.unit_at(j).is_none())) {
                p = k;
            }
        }
        if self.word(p) == "," {
            p += 1;
        }
        // "a \"national dialogue\" chaired by X": past the closing quote.
        if self.word(p) == "\"" {
            p += 1;
        }
        while matches!(self.word(p), "also" | "was" | "were" | "is" | "are" | "has" | "have" | "had" | "been") {
            p += 1;
        }
        if let Some(n) = self.p.meet_participants.match_at(self.tokens, p) {
            // "talks attended by A and B"
            let attending = (t..p + n).any(|j| self.p.meet_attending.match_at(self.tokens, j).is_some());
            self.meeting_participants(t, p + n, attending);
            return;
        }
        // "The meeting was chaired by X on Wednesday and attended by Y".
        if let Some(by) = self.p.meet_hosting.match_at(self.tokens, p).map(|n| p + n).filter(|&by| self.word(by) == "by") {
            self.chaired_and_attended(t, by);
            return;
        }
        // "X hosted a dinner for A and B": the guests, like "between".
        let between = matches!(w, "between" | "among" | "amongst" | "involving") || (w == "for" && self.hosting_before(t).is_some());
        if between {
            let start = at + 1;
            // "between Armenian Security Council Secretary X and ...": titles first.
            let first = (start..(start + 4).min(self.tokens.len()))
                .find_map(|k| self.unit_at(k))
                .or_else(|| self.unit_at(self.skip_titles_forward(start, 8)))
                // "between the President of the Council in Yemen X and ...":
                // the person the title names, after its organization.
                .or_else(|| self.object_after(start).map(|g| g[0]));
            let Some(first) = first else { return };
            if self.units[first].possessive {
                return;
            }
            let group = self.group_right(first, self.tokens.len());
            // "ready to host a meeting within the dialogue between A and B":
            // the modality of a meeting noun just before this one.
            let outer = (t.saturating_sub(4)..t).find(|&k| self.p.meet_nouns.match_at(self.tokens, k).is_some_and(|n| k + n <= t));
            // "looked forward to hosting a dinner for A and B": the hosting's
            // own modality too.
            let hosting = if w == "for" { self.hosting_before(t) } else { None };
            if outer.is_some_and(|k| self.irrealis_before(k, 0))
                || hosting.is_some_and(|h| self.irrealis_before(h, 0))
                || self.irrealis_before(t, 0)
                || self.irrealis_after(self.units[*group.last().unwrap()].end)
                || self.modal_in_clause(t)
                || self.denied_before(t)
                || self.conditional_before(t)
            {
                return;
            }
            if group.len() == 1 && w != "for" {
                self.meeting_with_their_side(t, first);
                return;
            }
            self.meet_one_another(&group, "meet-noun-between", 0.9);
            // "a meeting between A and B at State House in the presence of C".
            self.witnesses_meet(self.units[*group.last().unwrap()].end, &group);
            // "X hosted a (long) meeting between A and B": X met them.
            self.hosts_meet(t, &group, "meet-hosted-between");
            return;
        }
        // "A's talks with B", "A's first meeting with B".
        if w == "with" {
            if self.trip_for_talks(t, te) {
                return;
            }
            let owner = (t.saturating_sub(3)..t).rev().find_map(|k| {
                let u = self.unit_ending_at(k)?;
                (self.word(k) == "'s").then_some(u)
            });
            let Some(owner) = owner.or_else(|| self.adjunct_owner(t)).or_else(|| self.pronoun_owner(t)) else { return };
            let Some(objects) = self.object_after(te) else { return };
            if self.irrealis_before(t, self.units[owner].end) || self.irrealis_after(self.units[*objects.last().unwrap()].end) {
                return;
            }
            self.owner_met(owner, &objects, "meet-noun-possessive");
        }
    }

    /// The owner of a meeting noun met each of `objects` ("A's talks with
    /// B and C", "the meeting of A with B"); each fact's evidence is the pair.
    fn owner_met(&mut self, owner: usize, objects: &[usize], rule: &'static str) {
        let a = self.units[owner].clone();
        for &o in objects {
            let b = self.units[o].clone();
            self.emit(a.entity, Predicate::MetWith, b.entity, rule, &[&a, &b], 0.85);
        }
    }

    /// Where a hosting verb starts within four lower-case words before the
    /// meeting noun at `t`: "hosted a (long) meeting", "chaired the talks".
    fn hosting_before(&self, t: usize) -> Option<usize> {
        let mut v = t;
        while v > 0 && t - v < 4 && self.p.meet_hosting.match_before(self.tokens, v).is_none() && self.is_word_at(v - 1) && !self.cap(v - 1)
        {
            v -= 1;
        }
        self.p.meet_hosting.match_before(self.tokens, v).map(|n| v - n)
    }

    /// Where "with" introduces the partner of "discussed <topic> with X": a
    /// short topic without actors or clause breaks in it, and no call or
    /// letter in the sentence (a talk at a distance is no meeting).
    fn discussed_with(&self, from: usize) -> Option<usize> {
        if (0..self.tokens.len()).any(|k| self.p.meet_remote.match_at(self.tokens, k).is_some()) {
            return None;
        }
        // "discussed issues including prisoners, aid and the airport with X":
        // a list that "including" opens may hold commas.
        let listing = |k: usize| {
            (from..k).any(|j| matches!(self.word(j), "including" | "notably") || (self.word(j) == "such" && self.word(j + 1) == "as"))
        };
        (from..(from + 20).min(self.tokens.len()))
            .take_while(|&k| {
                self.unit_at(k).is_none()
                    && !self.is_breaker_at(k)
                    && !matches!(self.word(k), ";" | ":")
                    && (!matches!(self.word(k), "," | "and") || listing(k))
            })
            .find(|&k| self.word(k) == "with")
            .filter(|&k| {
                // "with Yemen's foreign minister X": a country's title first.
                let j = self.skip_country_possessive(k + 1);
                self.unit_at(k + 1).is_some() || self.unit_at(k + 2).is_some() || self.unit_at(self.skip_titles_forward(j, 6)).is_some()
            })
    }

    /// "Karzai described his meeting with Haqqani": "his" is the clause's
    /// subject when no other actor stands between them.
    fn pronoun_owner(&self, t: usize) -> Option<usize> {
        // "his June meeting with X", "his first meeting with X": a month or an
        // adjective between the pronoun and the noun.
        let t =
            if t >= 2 && self.p.meet_noun_adjectives.contains_word(self.word(t - 1)) && matches!(self.word(t - 2), "his" | "her" | "their")
            {
                t - 1
            } else {
                t
            };
        if t == 0 || !matches!(self.word(t - 1), "his" | "her" | "their") {
            return None;
        }
        if let Some(u) = self.unit_at(t - 1) {
            return Some(u);
        }
        let cs = self.clause_start(t);
        let before: Vec<usize> = (0..self.units.len()).filter(|&u| self.units[u].start >= cs && self.units[u].end < t).collect();
        match before.as_slice() {
            // "his" and "her" are a person's.
            [u] if !self.units[*u].possessive
                && !self.units[*u].attributive
                && !self.is_prepositional_object(*u)
                && (self.word(t - 1) == "their" || self.units[*u].class == Class::Person) =>
            {
                Some(*u)
            }
            // "Trump tweeted Friday, two months after his June meeting with
            // X": no actor in the clause; the sentence's subject, a person,
            // with no other actor before the pronoun.
            [] => {
                let all_before: Vec<usize> = (0..self.units.len()).filter(|&u| self.units[u].end < t).collect();
                match all_before.as_slice() {
                    [u] if self.units[*u].class == Class::Person
                        && !self.units[*u].possessive
                        && !self.is_prepositional_object(*u)
                        && !self.clause_break_between(self.units[*u].end, t) =>
                    {
                        Some(*u)
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// "Blinken, following a meeting with Netanyahu, said", "After talks
    /// with Haftar, Sarraj flew home": a meeting noun in an adverbial phrase
    /// belongs to the subject of the sentence. Not "before" or "ahead of" a
    /// meeting, which may not have happened yet.
    fn adjunct_owner(&self, t: usize) -> Option<usize> {
        let mut p = t;
        while p > 0
            && t - p < 4
            && matches!(
                self.word(p - 1),
                "a" | "an"
                    | "the"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "recent"
                    | "separate"
                    | "first"
                    | "second"
                    | "closed-door"
                    | "two-hour"
                    | "one-hour"
                    | "lengthy"
                    | "long"
                    | "private"
            )
        {
            p -= 1;
        }
        // "met with A, followed by a meeting with B": a second meeting of
        // the same subject.
        let followed_by = p >= 2 && self.word(p - 1) == "by" && self.word(p - 2) == "followed";
        if p == 0 || !(followed_by || matches!(self.word(p - 1), "after" | "following" | "during" | "at" | "in")) {
            return None;
        }
        let p = if followed_by { p - 2 } else { p - 1 };
        // The subject before the phrase: "Blinken, following a meeting ...".
        if let Some(first) = self.first_subject_before(p) {
            return (!self.clause_break_between(self.units[first].end, p)).then_some(first);
        }
        // The phrase opens the sentence: the subject follows its comma.
        if (0..p).any(|k| self.is_word_at(k) && !matches!(self.word(k), "meanwhile" | "earlier" | "later" | "also" | "and" | "but")) {
            return None;
        }
        let comma = (t..self.tokens.len()).find(|&k| self.word(k) == "," && !self.inside_unit(k))?;
        let u = self.unit_at(comma + 1).or_else(|| self.unit_at(comma + 2).filter(|_| self.word(comma + 1) == "the"))?;
        let unit = &self.units[u];
        // "..., the UN envoy said": the envoy, not the UN, is the subject.
        let subject = !unit.possessive && !unit.attributive && !unit.proxy && !self.is_prepositional_object(u);
        (subject && !self.p.title_words.contains(self.word(unit.end))).then_some(u)
    }
}
