//! Native micro-benchmark of the core (`cargo bench --bench core`): one full recompute of the
//! figures and words, and one render of each chart to SVG. A plain harness: it prints figures,
//! asserts nothing.

use pledge_explainer::charts::{self, Chart, Mode};
use pledge_explainer::dataset::DEFAULT_DATASET_JSON;
use pledge_explainer::model::Knob;
use pledge_explainer::{compute, Assumptions, Dataset, Locale, Report};
use std::hint::black_box;
use std::time::Instant;

fn time<T>(label: &str, iterations: u32, mut f: impl FnMut(u32) -> T) {
    for i in 0..iterations / 10 {
        black_box(f(i)); // warm up
    }
    let start = Instant::now();
    for i in 0..iterations {
        black_box(f(i));
    }
    let per = start.elapsed().as_nanos() as f64 / iterations as f64;
    println!("{label:<44} {:>10.3} µs", per / 1000.0);
}

fn main() {
    let d = Dataset::default_story();
    let base = Assumptions::defaults(&d);
    let at = |i: u32| {
        let mut a = base;
        let _ = a.set(&d, Knob::Rate, 0.8 + (i % 1000) as f64 * 0.0005);
        a
    };
    println!("{:<44} {:>13}", "operation", "time per op");
    time("parse + validate the default dataset", 2_000, |_| {
        Dataset::from_json(DEFAULT_DATASET_JSON).is_ok()
    });
    time("the compiled-in default dataset", 2_000, |_| {
        Dataset::default_story().subject.pledges.len()
    });
    time("compute the figures", 200_000, |i| {
        compute(&d, &at(i)).per_person_ratio
    });
    for locale in [Locale::EN, Locale::AR] {
        time(
            &format!("figures + words (Report::new, {:?})", locale.lang),
            20_000,
            |i| Report::new(&d, &at(i), locale).sentences.len(),
        );
    }
    for chart in Chart::ALL {
        time(
            &format!("figures + words + {} SVG (640 px, en)", chart.name()),
            5_000,
            |i| {
                charts::svg(
                    chart,
                    &d,
                    &Report::new(&d, &at(i), Locale::EN),
                    640,
                    Mode::Inline,
                )
                .len()
            },
        );
    }
}
