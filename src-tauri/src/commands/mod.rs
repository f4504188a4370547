//! Tauri commands, one file per area. Each command only translates: input in, one core call, the
//! error mapped (DESIGN.md, invariant 2).

pub mod app;
pub mod calendar;
pub mod cards;
pub mod items;
pub mod print;
pub mod roster;
pub mod settings;
