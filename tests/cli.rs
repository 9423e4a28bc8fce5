//! The native command line, run as a user runs it.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pledge-explainer"))
        .args(args)
        .output()
        .expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn temp_file(name: &str, contents: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("pledge-explainer-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn summary_json_has_every_documented_key() {
    let o = run(&["summary", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("valid JSON");
    for key in [
        "announced_eur_bn",
        "announced_usd_bn",
        "itemised_eur_bn",
        "unitemised_eur_bn",
        "stargate_usd_bn",
        "france_usd_per_person",
        "us_usd_per_person",
        "per_person_ratio",
        "stargate_scaled_to_france_usd_bn",
        "parity_eurusd",
        "parity_pop_fr_m",
        "nuclear_ai_twh_per_year",
        "nuclear_ai_share_of_exports",
        "assumptions",
    ] {
        assert!(v.get(key).is_some_and(|x| !x.is_null()), "missing {key}");
    }
    assert_eq!(v["itemised_eur_bn"]["low"], 63.0);
    assert_eq!(v["itemised_eur_bn"]["high"], 83.0);
    assert_eq!(v["unitemised_eur_bn"]["low"], 26.0);
    assert_eq!(v["assumptions"]["eurusd"], 1.032);
    assert_eq!(v["verdict"], "more");
}

#[test]
fn summary_follows_the_assumption_flags() {
    let o = run(&[
        "summary", "--json", "--eurusd", "1.0275", "--pop-fr", "68", "--pop-us", "340", "--uae",
        "30",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let ratio = v["per_person_ratio"].as_f64().unwrap();
    assert!((ratio - 1.1194).abs() < 0.001, "{ratio}");
    assert_eq!(v["itemised_at_point_eur_bn"], 63.0);
    assert_eq!(v["assumptions"]["pop_fr_m"], 68.0);
}

#[test]
fn summary_in_words_in_each_language() {
    let en = stdout(&run(&["summary"]));
    assert!(
        en.contains("At $1.0320 per euro, France’s AI package (€109bn) comes to $112.5bn"),
        "{en}"
    );
    let fr = stdout(&run(&["summary", "--lang", "fr"]));
    assert!(fr.contains("112,5\u{A0}milliards de dollars"), "{fr}");
    let ar = stdout(&run(&["summary", "--lang", "ar"]));
    assert!(ar.contains("مشروع ستارغيت") && ar.contains("١١٢٫٥"), "{ar}");
}

#[test]
fn dataset_prints_the_embedded_story_and_check_accepts_it() {
    let o = run(&["dataset"]);
    assert!(o.status.success());
    let path = temp_file("default.json", &stdout(&o));
    let o = run(&["check", path.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("valid dataset 'france-ai-2025'"));
}

#[test]
fn check_refuses_a_broken_dataset_with_paths() {
    let broken = pledge_explainer::dataset::DEFAULT_DATASET_JSON
        .replacen("\"low_bn\": 30", "\"low_bn\": -30", 1)
        .replacen("\"currency\": \"EUR\"", "\"currency\": \"EURO\"", 1);
    let path = temp_file("broken.json", &broken);
    let o = run(&["check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(65));
    let err = stderr(&o);
    assert!(
        err.contains("subject.pledges[0].low_bn: is negative"),
        "{err}"
    );
    assert!(
        err.contains("subject.currency: unknown currency “EURO”"),
        "{err}"
    );

    let o = run(&["check", "/nonexistent/file.json"]);
    assert_eq!(o.status.code(), Some(66));
    assert!(stderr(&o).contains("cannot read"));
}

#[test]
fn bad_flags_get_a_message_and_a_nonzero_exit_never_a_panic() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["summary", "--eurusd", "abc"],
            "--eurusd: 'abc': it is not a number.",
        ),
        (
            &["summary", "--eurusd", "9"],
            "--eurusd: '9': it must be between 0.8 and 1.3.",
        ),
        (
            &["summary", "--pop-fr", "NaN"],
            "--pop-fr: 'NaN': it is not a number.",
        ),
        (&["summary", "--pop-us"], "--pop-us needs a value"),
        (&["summary", "--lang", "de"], "unknown language 'de'"),
        (
            &["summary", "--frobnicate", "1"],
            "unknown flag '--frobnicate'",
        ),
        (&["bogus"], "unknown command 'bogus'"),
        (&["check"], "check needs exactly one FILE"),
        (&["render"], "render needs --out DIR"),
    ];
    for (args, want) in cases {
        let o = run(args);
        assert!(!o.status.success(), "{args:?} succeeded");
        assert_ne!(o.status.code(), Some(101), "{args:?} panicked");
        assert!(
            stderr(&o).contains(want),
            "{args:?}: wanted {want:?} in {}",
            stderr(&o)
        );
    }
}

#[test]
fn the_eu_investai_story_runs_through_the_same_cli() {
    let eu = concat!(env!("CARGO_MANIFEST_DIR"), "/data/eu-investai-2025.json");
    let o = run(&["summary", "--json", "--dataset", eu]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["dataset"], "eu-investai-2025");
    assert_eq!(v["announced_eur_bn"], 200.0);
    assert_eq!(v["itemised_eur_bn"]["high"], 200.0);
    // 200 × 1.0324 / 449.2 = $459.7 per person against Stargate's $1,470: 0.31.
    let ratio = v["per_person_ratio"].as_f64().unwrap();
    assert!((ratio - 0.3128).abs() < 0.0005, "{ratio}");
    assert_eq!(v["verdict"], "less");
    assert!(
        v["nuclear_ai_twh_per_year"].is_null(),
        "no energy figures in this story"
    );
    // All of it split between pledges with amounts, said without claiming more detail (C14).
    assert_eq!(
        v["sentences"]["pledges"],
        "The €200bn is split between the pledges named, each with an amount."
    );

    let out = std::env::temp_dir().join(format!("pledge-explainer-eu-{}", std::process::id()));
    let o = run(&[
        "render",
        "--dataset",
        eu,
        "--lang",
        "fr",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    for chart in ["pledges", "per-person", "sensitivity"] {
        let svg = std::fs::read_to_string(out.join(format!("{chart}.svg"))).unwrap();
        assert!(svg.contains("<title id="), "{chart}");
    }
    assert!(!out.join("energy.svg").exists());
    let summary = std::fs::read_to_string(out.join("summary.html")).unwrap();
    assert!(summary.contains("InvestAI") && !summary.contains("Macron"));
}

#[test]
fn gdp_horizon_and_private_flags_change_the_figures_and_the_json_says_what_was_left_out() {
    let json = |args: &[&str]| -> serde_json::Value {
        let o = run(&[&["summary", "--json"], args].concat());
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        serde_json::from_str(&stdout(&o)).unwrap()
    };
    let base = json(&[]);
    for key in [
        "france_share_of_gdp",
        "us_share_of_gdp",
        "gdp_share_ratio",
        "france_usd_per_person_per_year",
        "us_usd_per_person_per_year",
    ] {
        assert!(base[key].is_number(), "{key}: {}", base[key]);
    }
    assert_eq!(base["left_out"], serde_json::json!([]));
    assert_eq!(base["gdp_verdict"], "more");

    let private = json(&["--private-only"]);
    assert_eq!(
        private["left_out"],
        serde_json::json!(["UAE (MGX)", "Bpifrance"])
    );
    assert_eq!(private["announced_eur_bn"], 49.0);
    assert_eq!(private["verdict"], "less");

    let gdp = json(&["--gdp-fr", "2000", "--gdp-us", "30000"]);
    let ratio = gdp["gdp_share_ratio"].as_f64().unwrap();
    assert!(
        (ratio - (109.0 / 2000.0) / (500.0 / 30000.0)).abs() < 1e-9,
        "{ratio}"
    );

    let six = json(&["--years-fr", "6"]);
    assert!(
        (six["france_usd_per_person_per_year"].as_f64().unwrap() * 6.0
            - base["france_usd_per_person"].as_f64().unwrap())
        .abs()
            < 1e-6
    );
    assert_eq!(json(&["--yardstick", "gdp"])["assumptions"]["by_gdp"], true);
}

#[test]
fn new_flags_out_of_range_are_refused_with_the_range() {
    for (flag, value) in [
        ("--years-fr", "11"),
        ("--years-fr", "2.5"),
        ("--gdp-fr", "-1"),
        ("--yardstick", "banana"),
        ("--gdp-us", "1e400"),
    ] {
        let o = run(&["summary", flag, value]);
        assert_eq!(o.status.code(), Some(2), "{flag} {value}");
        assert!(
            stderr(&o).contains(&flag[2..]),
            "{flag} {value}: {}",
            stderr(&o)
        );
    }
}

/// A PNG's width and height, from its IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&bytes[16..20]), be(&bytes[20..24]))
}

#[test]
fn share_draws_the_share_image_its_thumbnail_and_their_words() {
    let dir = std::env::temp_dir().join(format!("pledge-explainer-share-{}", std::process::id()));
    let mut images = Vec::new();
    for lang in ["en", "ar"] {
        let out = dir.join(lang);
        let o = run(&[
            "share",
            "--lang",
            lang,
            "--out",
            out.to_str().unwrap(),
            "--thumbnail",
            "600x400",
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        let png = std::fs::read(out.join("share.png")).unwrap();
        assert_eq!(png_size(&png), (1200, 630));
        assert_eq!(
            png_size(&std::fs::read(out.join("thumbnail.png")).unwrap()),
            (600, 400)
        );
        let words: serde_json::Value =
            serde_json::from_slice(&std::fs::read(out.join("share.json")).unwrap()).unwrap();
        assert_eq!(words["lang"], lang);
        assert!(words["alt"].as_str().unwrap().len() > 40, "{words}");
        images.push(png);
    }
    assert_ne!(images[0], images[1], "the Arabic image is the English one");
    // The verdict follows the assumptions the image is drawn for.
    let o = run(&[
        "share",
        "--out",
        dir.join("gdp").to_str().unwrap(),
        "--eurusd",
        "1.2",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let moved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("gdp/share.json")).unwrap()).unwrap();
    let default: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("en/share.json")).unwrap()).unwrap();
    assert_ne!(moved["alt"], default["alt"]);
    // A card's image: its question and answer (the story's title is not its words).
    let o = run(&[
        "share",
        "--out",
        dir.join("card").to_str().unwrap(),
        "--card",
        "pledges",
        "--thumbnail",
        "640x446",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let card: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("card/share.json")).unwrap()).unwrap();
    assert_eq!(card["page"], "card pledges");
    assert!(card["title"].as_str().unwrap().ends_with('?'), "{card}");
    assert_ne!(card["title"], default["title"]);
    assert_eq!(
        png_size(&std::fs::read(dir.join("card/thumbnail.png")).unwrap()),
        (640, 446)
    );
}

#[test]
fn share_refuses_bad_flags_and_missing_fonts_with_a_message() {
    let out =
        std::env::temp_dir().join(format!("pledge-explainer-share-bad-{}", std::process::id()));
    let out = out.to_str().unwrap();
    for (args, code, says) in [
        (vec!["share"], 2, "needs --out"),
        (
            vec!["share", "--out", out, "--chart", "pie"],
            2,
            "unknown chart 'pie'",
        ),
        (
            vec!["share", "--out", out, "--card", "pie"],
            2,
            "unknown card 'pie'",
        ),
        (
            vec![
                "share", "--out", out, "--card", "claim", "--chart", "energy",
            ],
            2,
            "give one",
        ),
        (
            vec!["share", "--out", out, "--thumbnail", "0x9"],
            2,
            "is not WIDTHxHEIGHT",
        ),
        (
            vec!["share", "--out", out, "--fonts", "/nonexistent"],
            66,
            "fonts-noto-core",
        ),
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(code), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(says), "{args:?}: {}", stderr(&o));
    }
}
