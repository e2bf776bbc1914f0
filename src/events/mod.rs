//! Meetings as events: per-article meeting reports with their place and
//! date, and the merged meetings across articles ([`meetings`]); dates in
//! text resolved against the article's date ([`dates`]).
//!
//! Takes an extraction; gives the quads of the reports and, over a whole
//! store, the merged events graph.

pub mod dates;
pub mod meetings;
