//! Pairs of actors in one sentence, described for the learned pair model
//! (`ontology/pair-model.tsv`).
//!
//! The rules find meetings in the constructions they name; news also reports
//! meetings in wordings no rule foresaw. For every two actors a sentence
//! names, this module lists the words that decide whether the sentence says
//! they met: the words between the names (and, when few, their exact
//! sequence), a few words on either side, the sentence's other words, how
//! far apart the names are, how many actors stand between them, and whether
//! the sentence carries a modality or denial cue from `patterns.toml`. The
//! features are strings, so the model's weights stay readable data.

use crate::actors::discover::Actors;
use crate::actors::mentions::Sentence;
use crate::actors::resolve::{Mention, Via};
use crate::ontology::gazetteer::Class;
use crate::ontology::patterns::Patterns;

/// Two actors named in one sentence, with the features the model scores.
#[derive(Debug, Clone)]
pub struct Pair {
    /// The actor named first, then the other (entity indexes).
    pub a: usize,
    pub b: usize,
    /// Whether either name was resolved through a title or short name.
    pub resolved: bool,
    pub features: Vec<String>,
}

/// Longest gap, in tokens, between two names that are still scored: farther
/// apart, a sentence rarely says the two met.
const MAX_GAP: usize = 30;

/// Every pair of different actors that `mentions` name in `sentence`, in
/// order of the first name. Adjectival mentions ("anti-Taliban") and
/// pronouns take no part; overlapping names are not a pair.
pub fn pairs(sentence: &Sentence, mentions: &[Mention], gaz: &Actors, p: &Patterns) -> Vec<Pair> {
    let ms: Vec<&Mention> = mentions.iter().filter(|m| !m.adjectival && m.via != Via::Pronoun).collect();
    if ms.iter().all(|m| m.entity == ms[0].entity) {
        return Vec::new();
    }
    let words: Vec<String> = sentence.tokens.iter().map(|t| normal(&t.text)).collect();
    let inside = |i: usize| ms.iter().any(|m| m.start <= i && i < m.end);
    // A sentence without a word of meeting reports no meeting.
    let trigger_sets =
        [&p.meet_verbs, &p.meet_nouns, &p.meet_transitive, &p.meet_with, &p.meet_hosting, &p.meet_discussed, &p.meet_multilateral];
    let triggers: Vec<usize> =
        (0..words.len()).filter(|&i| !inside(i) && trigger_sets.iter().any(|set| set.match_at(&sentence.tokens, i).is_some())).collect();
    if triggers.is_empty() {
        return Vec::new();
    }
    // Cues of the whole sentence, read once.
    let mut cues = Vec::new();
    for (set, name) in [
        (&p.irrealis_before, "cue:irrealis"),
        (&p.irrealis_after, "cue:irrealis-after"),
        (&p.realis, "cue:realis"),
        (&p.denial, "cue:denial"),
        (&p.meet_remote, "cue:remote"),
    ] {
        if set.occurs_in(&sentence.tokens) {
            cues.push(name.to_string());
        }
    }
    let mut out = Vec::new();
    for (i, m1) in ms.iter().enumerate() {
        for m2 in &ms[i + 1..] {
            if m1.entity == m2.entity || m2.start < m1.end || m2.start - m1.end > MAX_GAP {
                continue;
            }
            let mut f = Vec::new();
            f.extend(cues.iter().cloned());
            let class = |e: usize| match gaz.get(e).class {
                Class::Person => 'P',
                Class::Organization => 'O',
            };
            f.push(format!("cls:{}{}", class(m1.entity), class(m2.entity)));
            // The words between, with other actors' names as one `ACT`.
            let mut between: Vec<&str> = Vec::new();
            let mut actors_between = 0;
            for k in m1.end..m2.start {
                if inside(k) {
                    if between.last() != Some(&"ACT") {
                        between.push("ACT");
                        actors_between += 1;
                    }
                } else {
                    between.push(&words[k]);
                }
            }
            f.push(format!("gap:{}", bucket(between.len())));
            // Where the words of meeting stand: before both names, between
            // them, or after both ("A and B met").
            for &t in &triggers {
                let place = if t < m1.start {
                    "before"
                } else if t < m2.start {
                    "between"
                } else {
                    "after"
                };
                f.push(format!("t-{place}"));
                f.push(format!("t-{place}:{}", words[t]));
            }
            f.push(format!("acts:{}", actors_between.min(3)));
            if between.len() <= 4 {
                f.push(format!("seq:{}", between.join(" ")));
            }
            if let Some(w) = between.first() {
                f.push(format!("bf:{w}"));
            }
            if let Some(w) = between.last() {
                f.push(format!("bl:{w}"));
            }
            for w in &between {
                f.push(format!("b:{w}"));
            }
            for w in between.windows(2) {
                f.push(format!("b2:{} {}", w[0], w[1]));
            }
            // Two words on either side, and the rest of the sentence.
            let left: Vec<&str> = (0..m1.start).rev().filter(|&k| !inside(k)).take(2).map(|k| words[k].as_str()).collect();
            let right: Vec<&str> = (m2.end..words.len()).filter(|&k| !inside(k)).take(2).map(|k| words[k].as_str()).collect();
            for (n, w) in left.iter().enumerate() {
                f.push(format!("l{}:{w}", n + 1));
            }
            for (n, w) in right.iter().enumerate() {
                f.push(format!("r{}:{w}", n + 1));
            }
            for k in (0..m1.start).chain(m2.end..words.len()) {
                if !inside(k) {
                    f.push(format!("o:{}", words[k]));
                }
            }
            if m1.via == Via::Title || m2.via == Via::Title {
                f.push("via:title".to_string());
            }
            f.sort_unstable();
            f.dedup();
            out.push(Pair { a: m1.entity, b: m2.entity, resolved: m1.via != Via::Name || m2.via != Via::Name, features: f });
        }
    }
    out
}

/// A token as a feature word: digits become `0`, so that dates and counts
/// share their features.
fn normal(token: &str) -> String {
    token.chars().map(|c| if c.is_ascii_digit() { '0' } else { c }).collect()
}

fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3 => "3",
        4..=5 => "4-5",
        6..=8 => "6-8",
        9..=12 => "9-12",
        13..=20 => "13-20",
        _ => "21+",
    }
}
