//! The meaning of a dataset read from JSON: amounts, ranges, currencies, source ids, lengths.

use super::*;

impl Dataset {
    pub fn validate(&self) -> Vec<DatasetError> {
        let mut v = Validator {
            dataset: self,
            errors: Vec::new(),
        };
        v.run();
        v.errors
    }
}

struct Validator<'a> {
    dataset: &'a Dataset,
    errors: Vec<DatasetError>,
}

impl Validator<'_> {
    fn push(&mut self, path: impl Into<String>, problem: Problem) {
        self.errors.push(DatasetError::new(path, problem));
    }

    fn run(&mut self) {
        let d = self.dataset;
        if d.schema_version != 1 {
            self.push(
                "schema_version",
                Problem::UnsupportedVersion {
                    found: d.schema_version,
                },
            );
        }
        self.label("id", &d.id);
        self.text("title", &d.title);
        for (id, source) in d.sources.iter() {
            let path = format!("sources.{id}");
            self.label(&format!("{path}.publisher"), &source.publisher);
            self.label(&format!("{path}.title"), &source.title);
            if let Some(code) = source.lang.as_deref() {
                if crate::lang::Lang::parse(code).is_none() || code != code.trim() {
                    self.push(
                        &format!("{path}.lang"),
                        Problem::UnknownLanguage {
                            code: code.to_string(),
                        },
                    );
                }
            }
        }

        let s = &d.subject;
        for (side, forms) in [("subject", &s.forms), ("benchmark", &d.benchmark.forms)] {
            for f in forms.iter() {
                self.label(&format!("{side}.forms.{}.{}", f.lang, f.key), &f.text);
            }
        }
        self.text("subject.name", &s.name);
        self.text("subject.package", &s.package);
        self.currency("subject.currency", &s.currency);
        self.amount("subject.announced_bn", &s.announced_bn);
        self.positive("subject.population_m", &s.population_m);
        if s.pledges.len() > MAX_PLEDGES {
            self.push("subject.pledges", Problem::TooMany { max: MAX_PLEDGES });
        }
        let mut seen: Vec<String> = Vec::new();
        for (i, p) in s.pledges.iter().enumerate() {
            let path = format!("subject.pledges[{i}]");
            self.text(&format!("{path}.name"), &p.name);
            // Case-insensitive for ASCII ("Brookfield" and "brookfield" are twins).
            let key = p.name.en.trim().to_ascii_lowercase();
            if seen.contains(&key) {
                self.push(
                    format!("{path}.name"),
                    Problem::Duplicate {
                        name: p.name.en.to_string(),
                    },
                );
            } else {
                seen.push(key);
            }
            self.source_ref(&format!("{path}.source"), &p.source);
            match (&p.kind, &p.kind_source) {
                (Some(_), None) => {
                    self.push(format!("{path}.kind_source"), Problem::MissingKindSource)
                }
                (_, Some(id)) => self.source_ref(&format!("{path}.kind_source"), id),
                (None, None) => {}
            }
            if let Some(year) = &p.by_year {
                let vpath = format!("{path}.by_year.value");
                let ok = year.value.fract() == 0.0 && (1900.0..=2200.0).contains(&year.value);
                if self.finite(&vpath, year.value) && !ok {
                    self.push(vpath, Problem::NotAYear { value: year.value });
                }
                self.source_ref(&format!("{path}.by_year.source"), &year.source);
            }
            match (p.low_bn, p.high_bn) {
                (None, None) => {}
                (Some(low), Some(high)) => {
                    let ok_low = self.non_negative(&format!("{path}.low_bn"), low);
                    let ok_high = self.non_negative(&format!("{path}.high_bn"), high);
                    if ok_low && ok_high && low > high {
                        self.push(
                            format!("{path}.low_bn"),
                            Problem::LowAboveHigh { low, high },
                        );
                    }
                }
                _ => self.push(path, Problem::HalfRange),
            }
        }

        let b = &d.benchmark;
        self.text("benchmark.name", &b.name);
        self.text("benchmark.package", &b.package);
        self.currency("benchmark.currency", &b.currency);
        self.amount("benchmark.amount_bn", &b.amount_bn);
        self.positive("benchmark.population_m", &b.population_m);

        self.positive("exchange_rate", &d.exchange_rate);
        if s.currency == b.currency && d.exchange_rate.value != 1.0 {
            self.push("exchange_rate.value", Problem::RateMustBeOne);
        }

        if let Some(gdp) = &d.subject.gdp_bn {
            self.positive("subject.gdp_bn", gdp);
        }
        if let Some(gdp) = &d.benchmark.gdp_bn {
            self.positive("benchmark.gdp_bn", gdp);
        }
        if let Some(years) = &d.benchmark.horizon_years {
            self.positive("benchmark.horizon_years", years);
            if years.value.is_finite()
                && !(HORIZON_YEARS.min..=HORIZON_YEARS.max).contains(&years.value)
            {
                let (min, max) = (HORIZON_YEARS.min, HORIZON_YEARS.max);
                self.push(
                    "benchmark.horizon_years.value",
                    Problem::OutsideRange {
                        value: years.value,
                        min,
                        max,
                    },
                );
            }
        }
        for (name, claim) in [("gdp_claim", &d.gdp_claim), ("claim", &d.claim)] {
            let Some(c) = claim else { continue };
            self.text(&format!("{name}.text"), &c.text);
            self.text(&format!("{name}.speaker"), &c.speaker);
            self.source_ref(&format!("{name}.source"), &c.source);
            if let Some(q) = &c.quoted_in {
                for lang in crate::lang::Lang::ALL {
                    if let Some(id) = q.get(lang) {
                        self.source_ref(&format!("{name}.quoted_in.{}", lang.code()), id);
                    }
                }
            }
        }
        let r = &d.reported;
        for (name, fig) in [
            ("converted_bn", &r.converted_bn),
            ("itemised_bn", &r.itemised_bn),
            ("subject_population_m", &r.subject_population_m),
            ("population_multiple", &r.population_multiple),
        ] {
            if let Some(f) = fig {
                self.positive(&format!("reported.{name}"), f);
            }
        }
        if let Some(e) = &d.energy {
            self.amount("energy.capacity_gw", &e.capacity_gw);
            self.positive("energy.exports_twh", &e.exports_twh);
            if let Some(first) = &e.first_phase_gw {
                self.amount("energy.first_phase_gw", first);
            }
        }

        for (i, c) in d.caveats.iter().enumerate() {
            self.text(&format!("caveats[{i}].text"), &c.text);
            for (j, id) in c.sources.iter().enumerate() {
                self.source_ref(&format!("caveats[{i}].sources[{j}]"), id);
            }
        }

        let ranges = &d.ranges;
        self.range("ranges.rate", &ranges.rate, d.exchange_rate.value);
        self.range(
            "ranges.subject_population_m",
            &ranges.subject_population_m,
            s.population_m.value,
        );
        self.range(
            "ranges.benchmark_population_m",
            &ranges.benchmark_population_m,
            b.population_m.value,
        );
    }

    fn label(&mut self, path: &str, value: &str) {
        if value.trim().is_empty() {
            self.push(path, Problem::Empty);
        } else if value.chars().count() > MAX_LABEL_CHARS {
            self.push(
                path,
                Problem::TooLong {
                    max: MAX_LABEL_CHARS,
                },
            );
        }
    }

    fn text(&mut self, path: &str, text: &Text) {
        let max = if path.starts_with("caveats")
            || path.starts_with("claim")
            || path.starts_with("gdp_claim")
        {
            MAX_SENTENCE_CHARS
        } else {
            MAX_LABEL_CHARS
        };
        for (lang, value) in [
            ("en", Some(&text.en)),
            ("fr", text.fr.as_ref()),
            ("ar", text.ar.as_ref()),
        ] {
            let Some(v) = value else { continue };
            if lang == "en" && v.trim().is_empty() {
                self.push(format!("{path}.en"), Problem::Empty);
            } else if v.chars().count() > max {
                self.push(format!("{path}.{lang}"), Problem::TooLong { max });
            }
        }
    }

    fn currency(&mut self, path: &str, code: &str) {
        if !CURRENCIES.contains(&code) {
            self.push(
                path,
                Problem::UnknownCurrency {
                    code: code.to_string(),
                },
            );
        }
    }

    fn source_ref(&mut self, path: &str, id: &str) {
        if !self.dataset.sources.contains_key(id) {
            self.push(path, Problem::UnknownSource { id: id.to_string() });
        }
    }

    fn finite(&mut self, path: &str, value: f64) -> bool {
        if value.is_finite() {
            true
        } else {
            self.push(path, Problem::NotFinite);
            false
        }
    }

    fn non_negative(&mut self, path: &str, value: f64) -> bool {
        if !self.finite(path, value) {
            return false;
        }
        if value < 0.0 {
            self.push(path, Problem::Negative { value });
            return false;
        }
        true
    }

    /// An amount of money or energy: zero is allowed, negative is not.
    fn amount(&mut self, path: &str, figure: &Figure) {
        self.non_negative(&format!("{path}.value"), figure.value);
        self.source_ref(&format!("{path}.source"), &figure.source);
    }

    /// A population, a rate, a total we divide by: must be above zero.
    fn positive(&mut self, path: &str, figure: &Figure) {
        let vpath = format!("{path}.value");
        if self.finite(&vpath, figure.value) && figure.value <= 0.0 {
            self.push(
                vpath,
                Problem::NotPositive {
                    value: figure.value,
                },
            );
        }
        self.source_ref(&format!("{path}.source"), &figure.source);
    }

    fn range(&mut self, path: &str, range: &Range, default: f64) {
        let all_finite = [range.min, range.max, range.step]
            .iter()
            .all(|x| x.is_finite());
        if !all_finite || range.min <= 0.0 || range.min >= range.max || range.step <= 0.0 {
            self.push(path, Problem::BadRange);
        } else if default.is_finite() && !range.contains(default) {
            self.push(
                path,
                Problem::OutsideRange {
                    value: default,
                    min: range.min,
                    max: range.max,
                },
            );
        }
    }
}
