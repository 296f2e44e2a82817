//! Pages and the components they are built of, one feature per file.

pub mod components;
pub mod islands;
pub mod locale;
pub mod pages;
