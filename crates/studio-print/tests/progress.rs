//! A batch reports its progress and can be stopped.

mod common;

use studio_print::{render_cards, render_cards_with, Card, PrintError, STEPS_PER_CARD};

/// Every `(done, total)` a render reported.
fn calls(cards: &[Card]) -> (Vec<(usize, usize)>, studio_print::Rendered) {
    let mut seen = Vec::new();
    let rendered = render_cards_with(cards, &mut |done, total| {
        seen.push((done, total));
        true
    })
    .expect("renders");
    (seen, rendered)
}

#[test]
fn progress_is_reported_at_least_once_a_card_and_ends_at_the_total() {
    let cards = common::batch(40);
    let (seen, rendered) = calls(&cards);
    let total = 40 * STEPS_PER_CARD;
    assert!(seen.len() >= cards.len(), "{} calls", seen.len());
    assert!(seen.iter().all(|&(_, t)| t == total), "{seen:?}");
    assert!(
        seen.windows(2).all(|w| w[0].0 <= w[1].0),
        "never goes back: {seen:?}"
    );
    assert!(seen.iter().all(|&(d, _)| d <= total), "{seen:?}");
    assert_eq!(seen.last(), Some(&(total, total)));
    // More than the layout: the writing of the PDF reports too.
    let laid_out = 40;
    assert!(
        seen.iter()
            .filter(|&&(d, _)| d > laid_out && d < total)
            .count()
            >= 1,
        "{seen:?}"
    );
    assert_eq!(rendered.page_count, 40);
}

#[test]
fn the_same_pdf_with_or_without_progress() {
    let cards = common::batch(12);
    let plain = render_cards(&cards).unwrap();
    let (_, with) = calls(&cards);
    assert_eq!(plain.page_count, with.page_count);
    assert_eq!(plain.missing_chars, with.missing_chars);
    // The bytes differ only in the random document id printpdf writes.
    assert!(plain.pdf.len().abs_diff(with.pdf.len()) < 64);
}

#[test]
fn a_stop_at_any_point_cancels_the_batch() {
    let cards = common::batch(30);
    let (seen, _) = calls(&cards);
    // Stop at the first call, halfway through the layout, and once the PDF is being written.
    for stop_at in [1, 15, seen.len() - 2] {
        let mut n = 0;
        let result = render_cards_with(&cards, &mut |_, _| {
            n += 1;
            n < stop_at
        });
        assert_eq!(result, Err(PrintError::Cancelled), "stop at call {stop_at}");
        assert_eq!(n, stop_at, "no call after the stop");
    }
}

#[test]
fn blank_batches_report_progress_too() {
    let mut seen = 0;
    let r = render_cards_with(&vec![Card::Blank; 5], &mut |_, _| {
        seen += 1;
        true
    })
    .unwrap();
    assert_eq!(r.page_count, 5);
    assert!(seen >= 5);
}
