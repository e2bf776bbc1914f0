//! What a document has established so far, sentence by sentence, for the
//! rules that need more than one sentence: who is speaking, who belongs to
//! which side, who made which proposal, who met last, and which pronouns
//! can be resolved from that.
//!
//! Every pronoun resolved here is resolved only in a narrow frame where
//! news English is regular: "we" inside a quote whose speaker's side is
//! known; "his offer" / "their demands" after a sentence that named the
//! other party; "they" / "he" as the subject of a rejection or meeting verb
//! when the sentence itself names no candidate. Facts that need one are
//! marked inferred, with a lower confidence than a named actor gives.

use super::facts::{Output, Predicate};
use crate::actors::discover::Actors;
use crate::actors::mentions::Sentence;
use crate::actors::resolve::{Mention, Via};
use crate::ontology::gazetteer::Class;
use crate::ontology::patterns::Patterns;
use std::collections::{BTreeSet, HashMap};

/// How far back (in sentences) an antecedent may be.
const PRONOUN_WINDOW: usize = 3;
/// How far back a proposal's author is remembered ("these demands").
const PROPOSAL_WINDOW: usize = 12;
/// How far back "the meeting" may point.
const MEETING_WINDOW: usize = 2;

/// The state of one document, updated after each sentence.
#[derive(Debug, Default)]
pub struct Discourse {
    /// Index of the sentence being read.
    sentence: usize,
    /// Entities named in each sentence so far, in order.
    named: Vec<Vec<usize>>,
    /// Memberships the document stated (person, organization), leaders too.
    members: Vec<(usize, usize)>,
    /// Author of each kind of proposal (singular folded noun) and where.
    owners: HashMap<String, (usize, usize)>,
    /// The last meeting reported: its sentence and participants.
    meeting: Option<(usize, Vec<usize>)>,
    /// The last quoted speaker and the sentence.
    speaker: Option<(usize, usize)>,
}

fn singular(noun: &str) -> &str {
    noun.strip_suffix('s').filter(|s| !s.is_empty() && !noun.ends_with("ss")).unwrap_or(noun)
}

impl Discourse {
    pub fn new() -> Discourse {
        Discourse::default()
    }

    /// The author of the last proposal of this kind, and its sentence.
    pub fn owner_of(&self, noun: &str) -> Option<(usize, usize)> {
        let &(entity, sentence) = self.owners.get(singular(noun))?;
        (self.sentence - sentence <= PROPOSAL_WINDOW).then_some((entity, sentence))
    }

    /// Whether an earlier sentence named the author of a proposal.
    pub fn knows_proposals(&self) -> bool {
        !self.owners.is_empty()
    }

    /// The meeting reported in the last sentences: (sentence, participants).
    pub fn last_meeting(&self) -> Option<(usize, &[usize])> {
        let (sentence, participants) = self.meeting.as_ref()?;
        (self.sentence - sentence <= MEETING_WINDOW).then_some((*sentence, participants.as_slice()))
    }

    /// The organizations a person belongs to: what the document said, then
    /// what the gazetteer says.
    fn sides(&self, e: usize, gaz: &Actors) -> Vec<usize> {
        if gaz.get(e).class == Class::Organization {
            return vec![e];
        }
        let mut out: Vec<usize> = self.members.iter().filter(|m| m.0 == e).map(|m| m.1).collect();
        for &o in &gaz.get(e).member_of {
            if !out.contains(&o) {
                out.push(o);
            }
        }
        out
    }

    /// Whether two actors are on one side: the same, or one belongs to the
    /// other, or both to one organization.
    pub fn same_side(&self, a: usize, b: usize, gaz: &Actors) -> bool {
        if a == b {
            return true;
        }
        let (sa, sb) = (self.sides(a, gaz), self.sides(b, gaz));
        sa.contains(&b) || sb.contains(&a) || sa.iter().any(|o| sb.contains(o))
    }

    /// Records the memberships a sentence states, before its pronouns are
    /// resolved ("Nazary, head of foreign relations of the NRF, told ...:
    /// 'We ...'" needs the NRF).
    pub fn learn_roles(&mut self, out: &Output) {
        for r in &out.roles {
            if let (Some(org), false) = (r.org, r.past) {
                if !self.members.contains(&(r.person, org)) {
                    self.members.push((r.person, org));
                }
            }
        }
        for f in out.found.iter().filter(|f| matches!(f.predicate, Predicate::Leads | Predicate::MemberOf)) {
            if !self.members.contains(&(f.subject, f.object)) {
                self.members.push((f.subject, f.object));
            }
        }
    }

    /// Mentions for the pronouns of a sentence that the document resolves.
    pub fn pronoun_mentions(&self, sentence: &Sentence, mentions: &[Mention], gaz: &Actors, p: &Patterns) -> Vec<Mention> {
        let tokens = &sentence.tokens;
        // Most sentences have none of the pronouns these rules resolve.
        if !tokens.iter().any(|t| matches!(t.text.as_str(), "we" | "i" | "his" | "her" | "their" | "its" | "they" | "he" | "she")) {
            return Vec::new();
        }
        let word = |i: usize| tokens.get(i).map_or("", |t| t.text.as_str());
        let covered = |i: usize| mentions.iter().any(|m| m.start <= i && i < m.end);
        let here: Vec<usize> = mentions.iter().map(|m| m.entity).collect();
        let mut out = Vec::new();
        let speaker = self.speaker_in(sentence, mentions, p);
        let speaker_side = speaker.and_then(|s| self.sides(s, gaz).first().copied());
        // A meeting or rejection verb right after a pronoun, past an
        // auxiliary or adverb: "we (have) met", "I (flatly) rejected".
        let verb_follows = |i: usize| {
            let mut j = i + 1;
            while matches!(
                word(j),
                "also" | "then" | "later" | "have" | "had" | "has" | "flatly" | "firmly" | "already" | "just" | "finally"
            ) {
                j += 1;
            }
            p.reject_verbs.match_at(tokens, j).is_some() || p.meet_verbs.match_at(tokens, j).is_some()
        };
        // The last actor of a class the sentence names before token `i`.
        let named_before =
            |i: usize, class: Class| mentions.iter().rev().find(|m| m.end <= i && gaz.get(m.entity).class == class && !m.adjectival);
        let mut quotes = 0;
        for i in 0..tokens.len() {
            let w = word(i);
            if w == "\"" {
                quotes += 1;
                continue;
            }
            if covered(i) {
                continue;
            }
            let pronoun = |entity: usize| Mention { start: i, end: i + 1, entity, via: Via::Pronoun, adjectival: false };
            match w {
                // "We rejected his offer," said the NRF's spokesman.
                "we" if quotes % 2 == 1 => {
                    if let Some(side) = speaker_side {
                        out.push(pronoun(side));
                    } else if let Some(s) = speaker.filter(|&s| gaz.get(s).class == Class::Person && verb_follows(i)) {
                        // "We met A and B," X said: X was there, whoever else
                        // "we" takes in.
                        out.push(pronoun(s));
                    }
                }
                // "I met A," X said.
                "i" if quotes % 2 == 1 => {
                    if let Some(s) = speaker.filter(|&s| gaz.get(s).class == Class::Person && verb_follows(i)) {
                        out.push(pronoun(s));
                    }
                }
                // "The NRF said its delegation had met ...": the organization
                // the sentence named before, standing for its envoys. "the
                // party and its leader, X": the organization X leads.
                "its" | "their"
                    if quotes % 2 == 0
                        && ((i + 1..(i + 3).min(tokens.len())).any(|k| p.proxies.match_at(tokens, k).is_some())
                            || (w == "its" && p.leader_titles.match_at(tokens, i + 1).is_some())) =>
                {
                    if let Some(m) = named_before(i, Class::Organization) {
                        out.push(pronoun(m.entity));
                    }
                }
                // "his offer", "their demands": the other party, named before.
                "his" | "her" | "their" => {
                    let class = if w == "their" { Class::Organization } else { Class::Person };
                    // "his refusal to negotiate with X": the refuser, when the
                    // sentence names one actor of the class before it.
                    if p.reject_nouns.match_at(tokens, i + 1).is_some() && quotes % 2 == 0 {
                        let before: BTreeSet<usize> = mentions
                            .iter()
                            .filter(|m| m.end <= i && gaz.get(m.entity).class == class && !m.adjectival)
                            .map(|m| m.entity)
                            .collect();
                        if before.len() == 1 {
                            out.push(pronoun(*before.iter().next().unwrap()));
                        }
                        continue;
                    }
                    let owns_proposal = (i + 1..(i + 4).min(tokens.len())).any(|k| p.proposals.match_at(tokens, k).is_some());
                    if !owns_proposal {
                        continue;
                    }
                    // Outside a quote, an actor the sentence names before the
                    // pronoun is its antecedent ("Khalilzad had pressed for
                    // talks; the Taliban would not accept his proposal").
                    // Inside one, the speaker is "I", so look further back.
                    if quotes % 2 == 0 {
                        if let Some(m) = named_before(i, class) {
                            out.push(pronoun(m.entity));
                            continue;
                        }
                    }
                    let exclude = |e: usize| here.contains(&e) || speaker.is_some_and(|s| self.same_side(s, e, gaz));
                    if let Some(e) = self.antecedent(class, gaz, exclude) {
                        out.push(pronoun(e));
                    }
                }
                // "They cannot accept these demands", "He rejected the offer".
                "they" | "he" | "she" => {
                    let mut j = i + 1;
                    while matches!(word(j), "also" | "then" | "later" | "have" | "had" | "has" | "flatly" | "firmly" | "reportedly") {
                        j += 1;
                    }
                    let trigger = p.reject_verbs.match_at(tokens, j).is_some()
                        || p.meet_verbs.match_at(tokens, j).is_some()
                        || (w != "they" && p.lead_verbs.match_at(tokens, j).is_some() && word(j + 1) != "by");
                    let class = if w == "they" { Class::Organization } else { Class::Person };
                    // A candidate in the sentence itself is the sentence's business,
                    // and so is an unnamed one: "The general ... said he had met".
                    let local = mentions.iter().any(|m| m.end <= i && gaz.get(m.entity).class == class);
                    // "Kuwait's Emir went to Riyadh, where he met": a person
                    // described by a country's title is unnamed too.
                    let described = (1..i).any(|k| matches!(word(k - 1), "the" | "'s") && p.title_words.contains(word(k)));
                    if !trigger || local || described {
                        continue;
                    }
                    if let Some(e) = self.antecedent(class, gaz, |e| here.contains(&e)) {
                        out.push(pronoun(e));
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// The most salient actor of a class in the last sentences: for people
    /// the first named in the nearest sentence (its subject, usually), for
    /// organizations the last named.
    fn antecedent(&self, class: Class, gaz: &Actors, exclude: impl Fn(usize) -> bool) -> Option<usize> {
        let from = self.named.len().saturating_sub(PRONOUN_WINDOW);
        for names in self.named[from..].iter().rev() {
            let fits = |&&e: &&usize| gaz.get(e).class == class && !exclude(e);
            let pick = match class {
                Class::Person => names.iter().find(fits),
                Class::Organization => names.iter().rev().find(fits),
            };
            if let Some(&e) = pick {
                return Some(e);
            }
        }
        None
    }

    /// Who speaks in a sentence with a quote: the actor before the verb of
    /// saying ("Nazary, head of ..., told India Today, \"...\""), the actor
    /// after the quote ("\"...,\" Mottaki said"), or the last speaker again
    /// ("He added, \"...\"").
    fn speaker_in(&self, sentence: &Sentence, mentions: &[Mention], p: &Patterns) -> Option<usize> {
        let tokens = &sentence.tokens;
        let word = |i: usize| tokens.get(i).map_or("", |t| t.text.as_str());
        // With no quote, the reporting verb still makes a speaker whom the
        // next sentence may continue ("He added, ...").
        let quote = tokens.iter().position(|t| t.text == "\"").unwrap_or(tokens.len());
        let is_say = |i: usize| p.say_verbs.match_at(tokens, i).is_some() || matches!(word(i), "told" | "tells" | "added" | "adds");
        let verb = (0..tokens.len()).find(|&i| is_say(i) && !mentions.iter().any(|m| m.start <= i && i < m.end))?;
        let named = mentions.iter().filter(|m| m.via != Via::Pronoun && !m.adjectival);
        if verb < quote {
            if verb > 0 && matches!(word(verb - 1), "he" | "she") {
                return self.speaker.filter(|&(_, s)| self.sentence - s <= PRONOUN_WINDOW).map(|(e, _)| e);
            }
            // The subject: the first actor, not inside a prepositional phrase.
            return named
                .filter(|m| m.end <= verb)
                .find(|m| m.start == 0 || !matches!(word(m.start - 1), "of" | "to" | "from" | "with" | "by" | "for"))
                .map(|m| m.entity);
        }
        // "..., Mottaki said" / "..., said Mottaki" / "..., Mottaki, the
        // Taliban's foreign minister, said"
        let named: Vec<&Mention> = named.collect();
        let apposed = |m: &&&Mention| {
            m.end + 2 < verb && verb - m.end <= 10 && word(m.end) == "," && word(verb - 1) == "," && word(m.start.wrapping_sub(1)) != ","
        };
        named.iter().find(|m| m.end == verb || m.start == verb + 1).or_else(|| named.iter().find(apposed)).map(|m| m.entity)
    }

    /// Records what a sentence established, once its relations are known.
    pub fn learn(&mut self, sentence: &Sentence, mentions: &[Mention], out: &Output, p: &Patterns) {
        // Again: the pass with resolved pronouns may state more ("He leads the NRF").
        self.learn_roles(out);
        for (noun, entity) in &out.proposals {
            self.owners.insert(singular(noun).to_string(), (*entity, self.sentence));
        }
        let mut participants: Vec<usize> = Vec::new();
        for f in out.found.iter().filter(|f| f.predicate == Predicate::MetWith) {
            for e in [f.subject, f.object] {
                if !participants.contains(&e) {
                    participants.push(e);
                }
            }
        }
        if !participants.is_empty() {
            self.meeting = Some((self.sentence, participants));
        }
        if let Some(s) = self.speaker_in(sentence, mentions, p) {
            self.speaker = Some((s, self.sentence));
        }
        // "Sebghatullah Ahmadi: Yes." tags who speaks in an interview; the
        // name is the speaker, not what the next "he" refers to.
        let tokens = &sentence.tokens;
        let tag = mentions.iter().find(|m| m.start == 0 && tokens.get(m.end).is_some_and(|t| t.text == ":"));
        if let Some(tag) = tag {
            self.speaker = Some((tag.entity, self.sentence));
        }
        self.named.push(mentions.iter().filter(|m| m.via != Via::Pronoun && !m.adjectival && Some(*m) != tag).map(|m| m.entity).collect());
        self.sentence += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::singular;

    #[test]
    fn proposals_match_in_either_number() {
        assert_eq!(singular("demands"), "demand");
        assert_eq!(singular("offer"), "offer");
        assert_eq!(singular("talks"), "talk");
        assert_eq!(singular("process"), "process");
    }
}
