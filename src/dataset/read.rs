//! Reading a dataset from JSON text: the shape (missing or unknown fields, wrong kinds), each
//! problem with its JSON path. Then `validate` checks the meaning. Only in builds with the
//! `dataset-reader` feature: the page's default build has the story compiled in.

use super::*;
use crate::json::{self, Value};

impl Dataset {
    /// Parses and validates. Every problem found is reported, not only the first.
    pub fn from_json(text: &str) -> Result<Dataset, Vec<DatasetError>> {
        let value = json::parse(text).map_err(|e| {
            vec![DatasetError::new(
                "",
                Problem::Malformed {
                    line: e.line,
                    column: e.column,
                    detail: e.message.to_string(),
                },
            )]
        })?;
        let mut reader = Reader { errors: Vec::new() };
        let dataset = reader.dataset(&value);
        match dataset {
            Some(d) if reader.errors.is_empty() => {
                let errors = d.validate();
                if errors.is_empty() {
                    Ok(d)
                } else {
                    Err(errors)
                }
            }
            _ => Err(reader.errors),
        }
    }
}

fn kind(v: &Value) -> Kind {
    match v {
        Value::Null => Kind::Null,
        Value::Bool(_) => Kind::Bool,
        Value::Number(_) => Kind::Number,
        Value::String(_) => Kind::Text,
        Value::Array(_) => Kind::List,
        Value::Object(_) => Kind::Object,
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}
/// Reads the dataset out of a JSON value, naming the path of every shape problem: a missing
/// or unknown field, a value of the wrong kind. Semantic checks come after, in `validate`.
struct Reader {
    errors: Vec<DatasetError>,
}

type Members<'v> = &'v [(String, Value)];

impl Reader {
    fn wrong_type(&mut self, path: &str, expected: Kind, found: &Value) {
        self.errors.push(DatasetError::new(
            path,
            Problem::WrongType {
                expected,
                found: kind(found),
            },
        ));
    }

    /// The members of an object, refusing keys it does not know (a typo must not pass silently).
    fn object<'v>(&mut self, v: &'v Value, path: &str, allowed: &[&str]) -> Option<Members<'v>> {
        let Value::Object(members) = v else {
            self.wrong_type(path, Kind::Object, v);
            return None;
        };
        for (key, _) in members {
            if !allowed.contains(&key.as_str()) {
                self.errors.push(DatasetError::new(
                    join(path, key),
                    Problem::UnknownField {
                        expected: allowed.iter().map(|k| k.to_string()).collect(),
                    },
                ));
            }
        }
        Some(members)
    }

    fn optional<'v>(&mut self, m: Members<'v>, key: &str) -> Option<&'v Value> {
        m.iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| **v != Value::Null)
    }

    fn required<'v>(&mut self, m: Members<'v>, path: &str, key: &str) -> Option<&'v Value> {
        let v = self.optional(m, key);
        if v.is_none() {
            self.errors
                .push(DatasetError::new(join(path, key), Problem::Missing));
        }
        v
    }

    fn number(&mut self, v: &Value, path: &str) -> Option<f64> {
        match v {
            Value::Number(n) => Some(*n),
            other => {
                self.wrong_type(path, Kind::Number, other);
                None
            }
        }
    }

    fn string(&mut self, v: &Value, path: &str) -> Option<Str> {
        match v {
            Value::String(s) => Some(Str::Owned(s.clone())),
            other => {
                self.wrong_type(path, Kind::Text, other);
                None
            }
        }
    }

    fn req_number(&mut self, m: Members, path: &str, key: &str) -> Option<f64> {
        let v = self.required(m, path, key)?;
        self.number(v, &join(path, key))
    }

    fn opt_number(&mut self, m: Members, path: &str, key: &str) -> Option<f64> {
        let v = self.optional(m, key)?;
        self.number(v, &join(path, key))
    }

    fn req_string(&mut self, m: Members, path: &str, key: &str) -> Option<Str> {
        let v = self.required(m, path, key)?;
        self.string(v, &join(path, key))
    }

    fn opt_string(&mut self, m: Members, path: &str, key: &str) -> Option<Str> {
        let v = self.optional(m, key)?;
        self.string(v, &join(path, key))
    }

    fn text(&mut self, v: &Value, path: &str) -> Option<Text> {
        let m = self.object(v, path, &["en", "fr", "ar"])?;
        let en = self.req_string(m, path, "en");
        let fr = self.opt_string(m, path, "fr");
        let ar = self.opt_string(m, path, "ar");
        Some(Text { en: en?, fr, ar })
    }

    fn opt_text(&mut self, m: Members, path: &str, key: &str) -> Option<Text> {
        let v = self.optional(m, key)?;
        self.text(v, &join(path, key))
    }

    fn req_text(&mut self, m: Members, path: &str, key: &str) -> Option<Text> {
        let v = self.required(m, path, key)?;
        self.text(v, &join(path, key))
    }

    fn figure(&mut self, v: &Value, path: &str) -> Option<Figure> {
        let m = self.object(v, path, &["value", "source", "as_of", "quote_ar"])?;
        let value = self.req_number(m, path, "value");
        let source = self.req_string(m, path, "source");
        let as_of = self.opt_string(m, path, "as_of");
        let quote_ar = self.opt_string(m, path, "quote_ar");
        Some(Figure {
            value: value?,
            source: source?,
            as_of,
            quote_ar,
        })
    }

    fn req_figure(&mut self, m: Members, path: &str, key: &str) -> Option<Figure> {
        let v = self.required(m, path, key)?;
        self.figure(v, &join(path, key))
    }

    fn opt_figure(&mut self, m: Members, path: &str, key: &str) -> Option<Figure> {
        let v = self.optional(m, key)?;
        self.figure(v, &join(path, key))
    }

    fn list<'v>(&mut self, v: &'v Value, path: &str) -> Option<&'v [Value]> {
        match v {
            Value::Array(items) => Some(items),
            other => {
                self.wrong_type(path, Kind::List, other);
                None
            }
        }
    }

    fn range(&mut self, m: Members, path: &str, key: &str) -> Option<Range> {
        let v = self.required(m, path, key)?;
        let path = join(path, key);
        let m = self.object(v, &path, &["min", "max", "step"])?;
        let (min, max, step) = (
            self.req_number(m, &path, "min"),
            self.req_number(m, &path, "max"),
            self.req_number(m, &path, "step"),
        );
        Some(Range {
            min: min?,
            max: max?,
            step: step?,
        })
    }

    fn dataset(&mut self, v: &Value) -> Option<Dataset> {
        let m = self.object(
            v,
            "",
            &[
                "schema_version",
                "id",
                "title",
                "sources",
                "subject",
                "benchmark",
                "exchange_rate",
                "claim",
                "gdp_claim",
                "reported",
                "energy",
                "caveats",
                "ranges",
            ],
        )?;
        let schema_version = self.req_number(m, "", "schema_version");
        let id = self.req_string(m, "", "id");
        let title = self.req_text(m, "", "title");

        let mut sources = Vec::new();
        match self.required(m, "", "sources") {
            None => {}
            Some(Value::Object(members)) => {
                // Source ids are free: any key but an empty one names a source.
                for (key, source) in members {
                    let path = format!("sources.{key}");
                    if key.trim().is_empty() {
                        self.errors.push(DatasetError::new(&path, Problem::Empty));
                    }
                    let Some(sm) = self.object(
                        source,
                        &path,
                        &[
                            "publisher",
                            "title",
                            "date",
                            "url",
                            "note",
                            "lang",
                            "publisher_names",
                            "description",
                        ],
                    ) else {
                        continue;
                    };
                    let (publisher, title, date) = (
                        self.req_string(sm, &path, "publisher"),
                        self.req_string(sm, &path, "title"),
                        self.req_string(sm, &path, "date"),
                    );
                    let (url, note, lang) = (
                        self.opt_string(sm, &path, "url"),
                        self.opt_string(sm, &path, "note"),
                        self.opt_string(sm, &path, "lang"),
                    );
                    let publisher_names = self.opt_text(sm, &path, "publisher_names");
                    let description = self.opt_text(sm, &path, "description");
                    if let (Some(publisher), Some(title), Some(date)) = (publisher, title, date) {
                        sources.push((
                            Str::Owned(key.clone()),
                            Source {
                                publisher,
                                title,
                                date,
                                url,
                                note,
                                lang,
                                publisher_names,
                                description,
                            },
                        ));
                    }
                }
            }
            Some(other) => self.wrong_type("sources", Kind::Object, other),
        }

        let subject = self
            .required(m, "", "subject")
            .and_then(|v| self.subject(v));
        let benchmark = self.required(m, "", "benchmark").and_then(|v| {
            let path = "benchmark";
            let m = self.object(
                v,
                path,
                &[
                    "name",
                    "package",
                    "currency",
                    "amount_bn",
                    "population_m",
                    "gdp_bn",
                    "horizon_years",
                    "forms",
                    "about",
                ],
            )?;
            let (name, package) = (
                self.req_text(m, path, "name"),
                self.req_text(m, path, "package"),
            );
            let currency = self.req_string(m, path, "currency");
            let (amount_bn, population_m) = (
                self.req_figure(m, path, "amount_bn"),
                self.req_figure(m, path, "population_m"),
            );
            let (gdp_bn, horizon_years) = (
                self.opt_figure(m, path, "gdp_bn"),
                self.opt_figure(m, path, "horizon_years"),
            );
            let forms = self.forms(m, path);
            let about = self.opt_text(m, path, "about");
            Some(Benchmark {
                name: name?,
                package: package?,
                currency: currency?,
                amount_bn: amount_bn?,
                population_m: population_m?,
                gdp_bn,
                horizon_years,
                forms,
                about,
            })
        });
        let exchange_rate = self.req_figure(m, "", "exchange_rate");
        let claim = self
            .optional(m, "claim")
            .and_then(|v| self.claim(v, "claim"));
        let gdp_claim = self
            .optional(m, "gdp_claim")
            .and_then(|v| self.claim(v, "gdp_claim"));
        let reported = match self.optional(m, "reported") {
            None => Reported::default(),
            Some(v) => {
                let path = "reported";
                match self.object(
                    v,
                    path,
                    &[
                        "converted_bn",
                        "itemised_bn",
                        "subject_population_m",
                        "population_multiple",
                    ],
                ) {
                    None => Reported::default(),
                    Some(m) => Reported {
                        converted_bn: self.opt_figure(m, path, "converted_bn"),
                        itemised_bn: self.opt_figure(m, path, "itemised_bn"),
                        subject_population_m: self.opt_figure(m, path, "subject_population_m"),
                        population_multiple: self.opt_figure(m, path, "population_multiple"),
                    },
                }
            }
        };
        let energy = self.optional(m, "energy").and_then(|v| {
            let m = self.object(
                v,
                "energy",
                &["capacity_gw", "exports_twh", "first_phase_gw"],
            )?;
            let (capacity_gw, exports_twh) = (
                self.req_figure(m, "energy", "capacity_gw"),
                self.req_figure(m, "energy", "exports_twh"),
            );
            let first_phase_gw = self.opt_figure(m, "energy", "first_phase_gw");
            Some(Energy {
                capacity_gw: capacity_gw?,
                exports_twh: exports_twh?,
                first_phase_gw,
            })
        });
        let mut caveats = Vec::new();
        if let Some(items) = self
            .optional(m, "caveats")
            .and_then(|v| self.list(v, "caveats"))
        {
            for (i, item) in items.iter().enumerate() {
                let path = format!("caveats[{i}]");
                let Some(cm) = self.object(item, &path, &["text", "sources"]) else {
                    continue;
                };
                let text = self.req_text(cm, &path, "text");
                let ids = self
                    .required(cm, &path, "sources")
                    .and_then(|v| self.list(v, &join(&path, "sources")));
                let ids: Vec<Str> = ids
                    .unwrap_or_default()
                    .iter()
                    .enumerate()
                    .filter_map(|(j, id)| self.string(id, &format!("{path}.sources[{j}]")))
                    .collect();
                if let Some(text) = text {
                    caveats.push(Caveat {
                        text,
                        sources: ids.into(),
                    });
                }
            }
        }
        let ranges = self.required(m, "", "ranges").and_then(|v| {
            let m = self.object(
                v,
                "ranges",
                &["rate", "subject_population_m", "benchmark_population_m"],
            )?;
            let (rate, s, b) = (
                self.range(m, "ranges", "rate"),
                self.range(m, "ranges", "subject_population_m"),
                self.range(m, "ranges", "benchmark_population_m"),
            );
            Some(Ranges {
                rate: rate?,
                subject_population_m: s?,
                benchmark_population_m: b?,
            })
        });

        // A version that is not a small whole number is reported by `validate` as unsupported.
        let version = schema_version.map(|v| {
            if v.fract() == 0.0 && (0.0..=1e6).contains(&v) {
                v as u32
            } else {
                u32::MAX
            }
        });
        Some(Dataset {
            schema_version: version?,
            id: id?,
            title: title?,
            sources: Sources::new(sources),
            subject: subject?,
            benchmark: benchmark?,
            exchange_rate: exchange_rate?,
            claim,
            gdp_claim,
            reported,
            energy,
            caveats: caveats.into(),
            ranges: ranges?,
        })
    }

    fn subject(&mut self, v: &Value) -> Option<Subject> {
        let path = "subject";
        let m = self.object(
            v,
            path,
            &[
                "name",
                "package",
                "currency",
                "announced_bn",
                "population_m",
                "pledges",
                "gdp_bn",
                "forms",
            ],
        )?;
        let (name, package) = (
            self.req_text(m, path, "name"),
            self.req_text(m, path, "package"),
        );
        let currency = self.req_string(m, path, "currency");
        let (announced_bn, population_m) = (
            self.req_figure(m, path, "announced_bn"),
            self.req_figure(m, path, "population_m"),
        );
        let mut pledges = Vec::new();
        let items = self
            .required(m, path, "pledges")
            .and_then(|v| self.list(v, "subject.pledges"));
        let items = items?;
        for (i, item) in items.iter().enumerate() {
            let path = format!("subject.pledges[{i}]");
            let fields = [
                "name",
                "low_bn",
                "high_bn",
                "source",
                "as_of",
                "quote_ar",
                "kind",
                "kind_source",
                "by_year",
                "in_text",
            ];
            let Some(pm) = self.object(item, &path, &fields) else {
                continue;
            };
            let name = self.req_text(pm, &path, "name");
            let (low_bn, high_bn) = (
                self.opt_number(pm, &path, "low_bn"),
                self.opt_number(pm, &path, "high_bn"),
            );
            let source = self.req_string(pm, &path, "source");
            let (as_of, quote_ar) = (
                self.opt_string(pm, &path, "as_of"),
                self.opt_string(pm, &path, "quote_ar"),
            );
            let kind = self.opt_string(pm, &path, "kind").and_then(|k| {
                let parsed = PledgeKind::parse(&k);
                if parsed.is_none() {
                    self.errors.push(DatasetError::new(
                        join(&path, "kind"),
                        Problem::UnknownKind {
                            found: k.into_owned(),
                        },
                    ));
                }
                parsed
            });
            let kind_source = self.opt_string(pm, &path, "kind_source");
            let by_year = self.opt_figure(pm, &path, "by_year");
            let in_text = self.opt_text(pm, &path, "in_text");
            if let (Some(name), Some(source)) = (name, source) {
                pledges.push(Pledge {
                    name,
                    low_bn,
                    high_bn,
                    source,
                    as_of,
                    quote_ar,
                    kind,
                    kind_source,
                    by_year,
                    in_text,
                });
            }
        }
        let gdp_bn = self.opt_figure(m, path, "gdp_bn");
        let forms = self.forms(m, path);
        Some(Subject {
            name: name?,
            package: package?,
            currency: currency?,
            announced_bn: announced_bn?,
            population_m: population_m?,
            pledges: pledges.into(),
            gdp_bn,
            forms,
        })
    }

    /// `forms`: `{ "fr": { "de_name": "…" }, "ar": { "li_name": "…" } }`, each key one the
    /// language has (checked here, where the path is known).
    fn forms(&mut self, m: Members, path: &str) -> List<NameForm> {
        let mut out = Vec::new();
        let at = join(path, "forms");
        let Some(v) = self.optional(m, "forms") else {
            return out.into();
        };
        let Some(langs) = self.object(v, &at, &["fr", "ar"]) else {
            return out.into();
        };
        for (code, forms) in langs {
            let Some(lang) = crate::lang::Lang::parse(code) else {
                continue;
            };
            let keys: Vec<String> = crate::grammar::PREFIXES
                .iter()
                .filter(|p| crate::grammar::joined(lang, p, "x").is_some())
                .flat_map(|p| [format!("{p}_name"), format!("{p}_package")])
                .collect();
            let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
            let here = join(&at, code);
            let Some(fm) = self.object(forms, &here, &keys) else {
                continue;
            };
            for (key, text) in fm {
                if let Some(text) = self.string(text, &join(&here, key)) {
                    out.push(NameForm {
                        lang: Str::Owned(code.clone()),
                        key: Str::Owned(key.clone()),
                        text,
                    });
                }
            }
        }
        out.into()
    }

    fn claim(&mut self, v: &Value, path: &str) -> Option<Claim> {
        let m = self.object(
            v,
            path,
            &[
                "text",
                "speaker",
                "source",
                "as_of",
                "quote_ar",
                "quoted_in",
                "asserts",
                "spoken_in",
            ],
        )?;
        let (text, speaker) = (
            self.req_text(m, path, "text"),
            self.req_text(m, path, "speaker"),
        );
        let source = self.req_string(m, path, "source");
        let (as_of, quote_ar) = (
            self.opt_string(m, path, "as_of"),
            self.opt_string(m, path, "quote_ar"),
        );
        let quoted_in = self.optional(m, "quoted_in").and_then(|q| {
            let at = join(path, "quoted_in");
            let qm = self.object(q, &at, &["en", "fr", "ar"])?;
            Some(QuotedIn {
                en: self.opt_string(qm, &at, "en"),
                fr: self.opt_string(qm, &at, "fr"),
                ar: self.opt_string(qm, &at, "ar"),
            })
        });
        let asserts = self.opt_string(m, path, "asserts");
        if let Some(found) = asserts.as_deref().filter(|a| Asserts::parse(a).is_none()) {
            self.errors.push(DatasetError::new(
                join(path, "asserts"),
                Problem::UnknownAssertion {
                    found: found.to_string(),
                },
            ));
        }
        let spoken_in = self.opt_string(m, path, "spoken_in");
        if let Some(code) = spoken_in
            .as_deref()
            .filter(|c| crate::lang::Lang::parse(c).is_none())
        {
            self.errors.push(DatasetError::new(
                join(path, "spoken_in"),
                Problem::UnknownLanguage {
                    code: code.to_string(),
                },
            ));
        }
        Some(Claim {
            text: text?,
            speaker: speaker?,
            source: source?,
            as_of,
            quote_ar,
            quoted_in,
            asserts,
            spoken_in,
        })
    }
}
