//! stance: who said what in news articles, and how optimistic or cautious.
//!
//! The pipeline runs one way, each stage adding annotations to one
//! [`document::Document`] whose spans point back into the original text:
//! `input` -> `text` (normalise, tokens, sentences) -> `quotes` ->
//! `attribution` + `speakers` -> `tone` -> `output`. [`analyze::analyze`] is
//! a pure function of (text, lexicons); [`corpus`] runs it in parallel.

pub mod analyze;
pub mod attribution;
pub mod corpus;
pub mod digits;
pub mod document;
pub mod foreign;
pub mod fxhash;
pub mod gold;
pub mod idset;
pub mod input;
pub mod lexicon;
pub mod lexicons;
pub mod output;
pub mod quotes;
pub mod speakers;
pub mod text;
pub mod tone;
