//! Input rules of the item form and of each step's texts.
