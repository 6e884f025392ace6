//! Reading and writing text: numpy's loadtxt tokenizer and number parsing (`text`).

pub mod text;
