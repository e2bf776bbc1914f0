//! What the rules find in a sentence: relations ([`Found`]), roles
//! ([`Role`]) and what later sentences may draw on ([`Output`]).
//!
//! A leaf module: the rules, the discourse state and the pipeline all speak
//! these types, and it imports none of them.

/// The three relations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Predicate {
    MetWith,
    Rejected,
    Leads,
    /// A person belongs to an organization (a leader too).
    MemberOf,
    /// A person is a child of another ("son of").
    ChildOf,
}

impl Predicate {
    /// The local name in the `ag:` namespace.
    pub fn local_name(self) -> &'static str {
        match self {
            Predicate::MetWith => "metWith",
            Predicate::Rejected => "rejected",
            Predicate::Leads => "leads",
            Predicate::MemberOf => "memberOf",
            Predicate::ChildOf => "childOf",
        }
    }

    /// The three relations that the evaluation scores and the visual
    /// exports draw; memberOf and childOf describe the actors themselves.
    pub fn is_interaction(self) -> bool {
        matches!(self, Predicate::MetWith | Predicate::Rejected | Predicate::Leads)
    }
}

/// A relation found in one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub subject: usize,
    pub predicate: Predicate,
    pub object: usize,
    /// Name of the rule, recorded as `ag:rule`.
    pub rule: &'static str,
    pub confidence: f64,
    /// True when a title or short name had to be resolved.
    pub inferred: bool,
    /// An earlier sentence the rule drew on, which is evidence too.
    pub context: Option<usize>,
}

/// A role that a sentence gives a person: "acting foreign minister Amir
/// Khan Muttaqi", "Nazary, head of foreign relations of the NRF".
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    pub person: usize,
    /// The organization the role is in, when the sentence names it.
    pub org: Option<usize>,
    /// Token range of the role's words in the sentence.
    pub words: (usize, usize),
    /// A past role ("former vice president"): no membership now.
    pub past: bool,
    pub rule: &'static str,
    pub confidence: f64,
    pub inferred: bool,
}

/// What one sentence yields.
#[derive(Debug, Clone, Default)]
pub struct Output {
    pub found: Vec<Found>,
    pub roles: Vec<Role>,
    /// Proposals whose author the sentence names: (folded noun, entity).
    pub proposals: Vec<(String, usize)>,
    /// Actors that rejected talks with no other side named ("the Taliban
    /// rejects Panjshir talks"): the document's other facts may name it.
    pub rejected_talks: Vec<(usize, bool)>,
}
