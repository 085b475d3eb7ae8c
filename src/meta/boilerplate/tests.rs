//! Tests of the whole cleaning: each mechanism on real lines, the seeds, recurrence over
//! many documents, and adversarial input.

use super::recurring::{LineCounts, prose_threshold};
use super::*;
use std::time::{Duration, Instant};

/// Trimmed lines that `clean` removed (compares input and output line by line).
fn removed_with(text: &str, rec: &RecurringLines) -> Vec<String> {
    let c = clean(text, rec);
    let before: Vec<&str> = text.split('\n').collect();
    let after: Vec<&str> = c.text.split('\n').collect();
    assert_eq!(before.len(), after.len(), "line structure must be kept");
    let out: Vec<String> = before
        .iter()
        .zip(&after)
        .filter(|(b, a)| a.is_empty() && !b.trim().is_empty())
        .map(|(b, _)| b.trim().to_string())
        .collect();
    assert_eq!(out.len(), c.removed_lines);
    for (b, a) in before.iter().zip(&after) {
        assert!(a.is_empty() || a == b, "kept lines are not rewritten");
    }
    out
}

fn removed(text: &str) -> Vec<String> {
    removed_with(text, &RecurringLines::none())
}

const BODY: &str =
    "Moscow hopes that the next US president will not undermine partnership with Russia.";

#[test]
fn known_patterns_each_kind() {
    for line in [
        // comment boxes
        "Be First to Comment",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        // widgets
        "Get short URL",
        "Listen Live",
        "Comment via Facebook",
        "Comment via FacebookComment via Sputnik",
        "Community standardsDiscussion",
        "Register",
        "    Get\u{a0}short\u{a0}URL  ",
        "LISTEN   LIVE",
        // photo credits
        "© Sputnik/ Natalia Seliverstova",
        "\u{a0}© REUTERS/ Maxim Shemetov",
        "© AP Photo/ Michael Probst",
        // wire sign-offs
        "Reuter",
        " REUTERS",
        // Factiva stamps
        "86 words",
        "c 2014 express newspapers",
        "document theexp0020140519ea5j0007r",
        "copyright 2014",
        "© 2014 associated newspapers all rights reserved",
        "the telegraph online © 2014 telegraph media group ltd",
        "guardiancouk © guardian news and media 2014",
        "copyright 2014 the financial times ltd all rights reserved please do not cut and paste ft articles and redistribute by email or post to the web",
        "Copyright (c) 1993 by Larry Klaes",
        // page clock
        "14:57 GMT +311 December 2019",
    ] {
        assert!(is_known_boilerplate(line), "{line:?}");
    }
}

#[test]
fn sentences_mentioning_the_words_are_kept() {
    for line in [
        "Register your interest by Friday, the council said.",
        "Registered voters in the region rose by 4 percent.",
        "The copyright dispute over the photographs was settled in 2014.",
        "Copyright 2014 reforms were passed by parliament, he said.",
        "Copyright law protects the agency, the court ruled.",
        "Reuters reported that the talks had stalled.",
        "He told Reuters the deal was off",
        "Listen live to the debate, the station urged its audience.",
        "Be first to comment on the draft, officials asked the public.",
        "The speech ran to 86 words and was over in a minute.",
        "The document 20140519 was leaked",
        "(c) the minister shall publish the list within 14 days;",
        "At 14:57 the plane landed in Moscow.",
        "All rights reserved, he said, belonged to the club.",
        // ungdc: "communiqué" converted to UTF-8 twice, on a hard-wrapped line with a year
        "ministerial communiqu\u{c3}\u{a9} issued after the 1998 substantive",
        "",
        "   ",
    ] {
        assert!(!is_known_boilerplate(line), "{line:?}");
        let doc = format!("Title\n\n{BODY}\n{line}\n{BODY}\n");
        assert!(removed(&doc).is_empty(), "{line:?}");
    }
}

#[test]
fn first_date_line_is_left_alone() {
    let doc =
        " date 2017-04-13 Register\n    The Russian Ministry of Foreign Affairs\n\nRegister\n";
    assert_eq!(removed(doc), ["Register"]);
    let c = clean(doc, &RecurringLines::none());
    assert!(c.text.starts_with(" date 2017-04-13 Register\n"));
    // Even a known pattern after "date " on line 0 stays (the header parser owns it).
    assert!(removed("date 2020-01-01\nListen Live\n\nBody.").contains(&"Listen Live".to_string()));
    assert!(removed("date 2020-01-01 Reuter").is_empty());
}

#[test]
fn seed_000_nothing_removed() {
    let doc = " date 2018-02-05 MOSCOW(Sputnik) - Russia and the United States should resume their dialogue on the missile defense in light of the growing relevance of the subject, Russian Deputy Foreign Minister Sergey Ryabkov said.\n\nOn Friday, the US Defense Department published the country's new Nuclear Posture Review, which devoted much attention to the development of Russia's nuclear capability.\n\nThe United States, as well as the European Union, imposed several rounds of sanctions on Russia's energy, banking, defense and other sectors, as well as on a number of Russian officials. Moscow responded with countermeasures against the Western countries.";
    assert!(removed(doc).is_empty());
}

#[test]
fn seed_001_comment_box() {
    let doc = "Russia urges US to work together to fine-tune difficulties in New START Treaty\n\n\
Moscow calls on Washington to jointly tackle the issue related to the modernization of US strategic delivery vehicles in accordance with the New START Treaty, Russian Foreign Minister Sergey Lavrov said.\n\n\
The two leaders haven\u{2019}t had a full-fledged meeting so far, but only twice talked on the sidelines of summits in 2017.\n\n\
Be First to Comment\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *";
    assert_eq!(
        removed(doc),
        [
            "Be First to Comment",
            "Leave a Reply",
            "Your email address will not be published. Required fields are marked *"
        ]
    );
}

#[test]
fn seed_002_register_and_photo_credits() {
    let doc = " date 2017-04-13 Register\n    The Russian Ministry of Foreign Affairs on Smolenskaya-Sennaya Square in Moscow\n\n\
Russia Ready to Work With US in All Areas of Mutual Interest - Deputy FM\n\n\
\u{a9} Sputnik/ Natalia Seliverstova\n\
Russia is ready for the bilateral cooperation with the US in all areas that can be beneficial for both of them, Russian Deputy Foreign Minister Sergey Ryabkov told Sputnik on Thursday.\n\n\
He said both Moscow and Washington \"firmly understand the fact that the logjams that have accumulated in\u{a0} the bilateral area need to\u{a0} be cleared up\u{a0} and liquidated.\"\n\n\
Russian Foreign Minister Sergei Lavrov and U.S. Secretary of State Rex Tillerson enter a hall during their meeting in Moscow, Russia, April 12, 2017\n\
\u{a9} REUTERS/ Maxim Shemetov\n\
Meanwhile, the Russian-US group on\u{a0} normalization of\u{a0} bilateral relations may start working within\u{a0} the next two or three months, Russian Deputy Foreign Minister Sergey Ryabkov added.\n\n\
The Russian foreign minister Sergey Lavrov, right, and US Secretary of State Rex Tillerson stand together during the G-20 Foreign Ministers meeting in Bonn, Germany\n\
\u{a9} AP Photo/ Michael Probst\n\
He expressed hope that the group would begin operating in\u{a0} two-three months.\n\n\
Since 2014, relations between\u{a0} Russia and the United States deteriorated amid\u{a0} the crisis in\u{a0} Ukraine.\n\n";
    assert_eq!(
        removed(doc),
        [
            "\u{a9} Sputnik/ Natalia Seliverstova",
            "Russian Foreign Minister Sergei Lavrov and U.S. Secretary of State Rex Tillerson enter a hall during their meeting in Moscow, Russia, April 12, 2017",
            "\u{a9} REUTERS/ Maxim Shemetov",
            "The Russian foreign minister Sergey Lavrov, right, and US Secretary of State Rex Tillerson stand together during the G-20 Foreign Ministers meeting in Bonn, Germany",
            "\u{a9} AP Photo/ Michael Probst"
        ]
    );
}

#[test]
fn seed_003_subheading_kept() {
    let doc = "MOSCOW, October 23. /TASS/. Russian Defense Minister Sergei Shoigu has stated that Russia and the US could jointly address strategic issues of nuclear deterrence.\n\
Bolton\u{2019}s visit has a special significance amid the US\u{2019} plans to withdraw from the Intermediate-Range Nuclear Forces Treaty (INF Treaty).\n\
Russia-US ties\n\
Sergei Shoigu has said that US National Security Adviser John Bolton\u{2019}s visit to Russia will give a fresh impetus to the stabilization of relations between the two countries.\n\
Bolton\u{2019}s visit is of particular importance against the backdrop of Washington\u{2019}s plans to withdraw from the Intermediate-Range Nuclear Forces (INF) Treaty.";
    assert!(removed(doc).is_empty());
}

const SEED_004: &str = "14:57 GMT +311 December 2019\nListen Live\n\
A view at the Moscow Kremlin, Historical Museum, Red Square and Saint Basil's Cathedral.\n\n\
Russia-US Cooperation Vital for Resolution of Global Problems - Kremlin\n\n\
\u{a9} Sputnik / Alexei Filippov\n\
Get short URL\n\n\
Moscow hopes that the next US president will not undermine partnership with Russia.\n\n\
\"We are still convinced that without\u{a0} cooperation and interaction between\u{a0} Russia and the US the resolution of\u{a0} many global problems is impossible,\" Peskov told reporters in\u{a0} Moscow.\n\n\
Last week, Russian Foreign Minister Sergei Lavrov said Moscow would leave room for\u{a0} cooperation with\u{a0} the United States despite\u{a0} tensions between\u{a0} the two countries, stressing that such contacts should be in\u{a0} the interest of\u{a0} both nations.\n\n\n\
Serbia: a Tough Choice Between Russia and the US\n\
Merkel Follows US Course, Seeks to Further Isolate Russia\n\
US Might Add Missiles to Its Military Buildup in Europe to Counter Russia\n\
Kremlin Focuses on Alleged US Plans to Aim Missiles at Russia's Nukes\n\
cooperation, Kremlin, Dmitry Peskov, United States, Russia\n\
Community standardsDiscussion\n\
Comment via FacebookComment via Sputnik";

#[test]
fn seed_004_widgets_related_headlines_tags() {
    assert_eq!(
        removed(SEED_004),
        [
            "14:57 GMT +311 December 2019",
            "Listen Live",
            "\u{a9} Sputnik / Alexei Filippov",
            "Get short URL",
            "Serbia: a Tough Choice Between Russia and the US",
            "Merkel Follows US Course, Seeks to Further Isolate Russia",
            "US Might Add Missiles to Its Military Buildup in Europe to Counter Russia",
            "Kremlin Focuses on Alleged US Plans to Aim Missiles at Russia's Nukes",
            "cooperation, Kremlin, Dmitry Peskov, United States, Russia",
            "Community standardsDiscussion",
            "Comment via FacebookComment via Sputnik",
        ]
    );
    let v = classify_lines(SEED_004, &RecurringLines::none());
    assert_eq!(
        v.iter()
            .filter(|r| **r == Some(Removal::RelatedTail))
            .count(),
        5
    );
}

#[test]
fn related_tail_needs_body_before_and_spares_lists() {
    // Only title-case lines: no body end to anchor on.
    let doc = "Serbia: a Tough Choice Between Russia and the US\nMerkel Follows US Course, Seeks to Further Isolate Russia";
    assert!(removed(doc).is_empty());
    // A single title-case line after the body is not a related-headlines box.
    let doc = format!("Title\n\n{BODY}\nMerkel Follows US Course, Seeks to Further Isolate Russia");
    assert!(removed(&doc).is_empty());
    // BBC winners list at the end of the body (bbc entertainment_201).
    let doc = format!(
        "Title\n\n{BODY}\n\nMatt Lucas & David Walliams (Little Britain, BBC Three)\n\nCaroline Quentin (Life Begins/ Von Trapped, ITV1)\n\nLittle Britain (BBC Three)\n\nSchool Of Rock"
    );
    assert!(removed(&doc).is_empty());
    // Reuters dividend tail: short title-case table lines, then the sign-off.
    let doc = "Title\n\n    Qtly div 10 cts vs 10 cts prior\n    Payable July 14\n    Record July 1\n Reuter\n";
    assert_eq!(removed(doc), ["Reuter"]);
    let doc = "T\n\nResults were announced.\n    Net loss 3,030,548 vs loss 548,442\n    Revs 1,519,360 vs 1,081,915\n Reuter";
    assert_eq!(removed(doc), ["Reuter"]);
}

#[test]
fn reuters_sign_off() {
    let doc = "date 1987-02-26\nCOCOA EXPORTS\n\nSALVADOR, Feb 26 - Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought.\n Reuter\n";
    let c = clean(doc, &RecurringLines::none());
    assert_eq!(c.removed_lines, 1);
    assert!(c.text.ends_with("drought.\n\n"));
}

#[test]
fn factiva_header_and_trailer() {
    let doc = "date 2014-02-28\n\n____\nnews\ncouple held in raid on suspected sham marriage ceremony\njames white   \n275 words\n28 february 2014\n1547\nmail online\ndamonl\nenglish\n\u{a9} 2014 associated newspapers all rights reserved   \ntwo people have been arrested after a suspected sham marriage was stopped moments before they were to be officially married\ndocument damonl0020140228ea2s006f3";
    assert_eq!(
        removed(doc),
        [
            "275 words",
            "28 february 2014",
            "1547",
            "mail online",
            "damonl",
            "english",
            "\u{a9} 2014 associated newspapers all rights reserved",
            "document damonl0020140228ea2s006f3"
        ]
    );
    let v = classify_lines(doc, &RecurringLines::none());
    assert_eq!(v[6], Some(Removal::Known(Known::WordCount)));
    assert_eq!(v[7], Some(Removal::ExportHeader));
    // No language line within 10 lines: only the stamp itself goes.
    let doc = "T\n\n86 words\nthe minister spoke\nfor a while\n";
    assert_eq!(removed(doc), ["86 words"]);
}

#[test]
fn usenet_signature() {
    let doc = "Subject\n\nI found the same ad in our local Sunday newspaper.\n\n-- \nRick Roy       Usenet: rick@howtek.MV.com\nDisclaimer: My employer's views are orthogonal to these.\n";
    assert_eq!(
        removed(doc),
        [
            "--",
            "Rick Roy       Usenet: rick@howtek.MV.com",
            "Disclaimer: My employer's views are orthogonal to these."
        ]
    );
    // "--" followed by a long stretch of text is not a signature.
    let mut doc = String::from("S\n\nFirst part of the post.\n--\n");
    for i in 0..9 {
        doc.push_str(&format!("Line {i} of the second part.\n"));
    }
    assert!(removed(&doc).is_empty());
    // No body before the dashes: leave it.
    assert!(removed("S\n\n--\nJohn Smith\n").is_empty());
}

fn counts_of(docs: &[String]) -> LineCounts {
    let mut c = LineCounts::default();
    docs.iter().for_each(|d| c.add_document(d));
    c
}

#[test]
fn recurrence_on_five_documents() {
    let shared_sentence =
        "The ministry said the talks would continue next week in Geneva with both delegations.";
    let shared_long_line =
        "ukip leader nigel farage said the party would win the european elections in may";
    let docs: Vec<String> = (0..5)
        .map(|i| {
            let mut d = format!(
                "Story {i}\n\nBody of story number {i} is here.\nSubscribe to Our Newsletter\n"
            );
            if i < 2 {
                d.push_str(&format!("{shared_sentence}\n{shared_long_line}\n"));
            }
            if i < 4 {
                d.push_str("Top Picks\n");
            }
            d.push_str("Thanks for reading.\n");
            d
        })
        .collect();
    let counts = counts_of(&docs);
    assert_eq!(counts.documents(), 5);
    assert_eq!(counts.count("Subscribe to Our Newsletter"), 5);
    assert_eq!(counts.count("Top Picks"), 4);
    // Prose is counted, but 2 of 5 is far below the bar for prose.
    assert_eq!(counts.count(shared_sentence), 2);
    assert_eq!(prose_threshold(5), 2 * MIN_DOCS);
    let rec = counts.recurring(5);
    assert_eq!(recurring_threshold(5), MIN_DOCS);
    assert!(rec.contains("  subscribe to our NEWSLETTER "));
    assert!(!rec.contains("Top Picks"), "4 of 5 is below MIN_DOCS");
    assert!(!rec.contains("Thanks for reading."), "sentence-like");
    assert_eq!(rec.len(), 1);
    assert_eq!(
        removed_with(&docs[0], &rec),
        ["Subscribe to Our Newsletter"]
    );
    let v = classify_lines(&docs[0], &rec);
    assert_eq!(v[3], Some(Removal::Recurring(Recurs::Verbatim)));
}

#[test]
fn recurrence_on_thousand_documents_in_memory_and_in_the_engine() {
    let docs: Vec<String> = (0..1000)
        .map(|i| {
            let mut d = format!(
                "Headline {}\n\nThe company reported result number {i}.\n",
                i % 7
            );
            if i % 50 == 0 {
                d.push_str("Year\n"); // 2%: content label, kept
            }
            if i % 3 == 0 {
                d.push_str("Nine mths\nNine mths\n"); // repeated inside one doc: counted once
            }
            d.push_str("Distributed by Example Wire Service\n");
            d
        })
        .collect();
    let whole = counts_of(&docs);
    assert_eq!(whole.count("Distributed by Example Wire Service"), 1000);
    assert_eq!(whole.count("Nine mths"), 334);
    assert_eq!(whole.count("Year"), 20);
    assert_eq!(whole.count("Headline 3"), 0, "title lines are not counted");
    assert_eq!(recurring_threshold(1000), 40);
    let rec = whole.recurring(1000);
    assert!(rec.contains("Distributed by Example Wire Service"));
    assert!(rec.contains("Nine mths"));
    assert!(!rec.contains("Year"));
    assert_eq!(
        removed_with(&docs[1], &rec),
        ["Distributed by Example Wire Service"]
    );

    // The engine's sums, fed from four workers' batches, keep the same lines.
    assert_eq!(engine_recurring(&docs, 64 << 20).0, rec);
}

/// The recurring lines of `docs` as the run finds them: summed by the engine within `pool`
/// bytes, fed from four workers' batches; and how often the sums spilled.
fn engine_recurring(docs: &[String], pool: u64) -> (RecurringLines, usize) {
    let dir = tempfile::tempdir().expect("tempdir");
    let sums = LineSums::start(pool, &dir.path().join("spill")).expect("engine");
    let mut batches: Vec<LineBatch> = (0..4).map(|_| LineBatch::default()).collect();
    for (i, d) in docs.iter().enumerate() {
        sums.add_document(d, &mut batches[i % 4]);
    }
    for b in &mut batches {
        sums.flush(b);
    }
    sums.finish().expect("sums")
}

/// Many distinct lines (about 240,000 keys) make a pool of 4 MB spill; the recurring lines
/// found are those counted in memory, with and without spilling.
#[test]
fn engine_sums_equal_the_counts_in_memory_also_when_spilling() {
    let docs: Vec<String> = (0..3000)
        .map(|i| {
            let mut d = format!("Headline {i}\n\n");
            for j in 0..40 {
                d.push_str(&format!(
                    "Paragraph {j} of story {i} tells what happened.\n"
                ));
            }
            d.push_str(&format!("Ref {i}\nMost Read\nPhotos: picture {i}\n"));
            if i % 4 == 0 {
                d.push_str("Updated 0101 GMT (0101 HKT) May 3, 2017\n");
            }
            if i % 11 == 0 {
                d.push_str("The standard paragraph about this outlet and its owners.\n");
            }
            d
        })
        .collect();
    let counts = counts_of(&docs);
    assert_eq!(counts.count("Most Read"), 3000);
    assert_eq!(counts.prefix_count("Photos:"), 3000);
    assert_eq!(counts.count("Updated 0920 GMT (1720 HKT) May 1, 2016"), 750);
    let standard = "The standard paragraph about this outlet and its owners.";
    assert_eq!(counts.count(standard), 273);
    assert_eq!(prose_threshold(3000), 300);
    let rec = counts.recurring(3000);
    assert!(rec.contains("Most Read"));
    assert!(rec.contains("Updated 1200 GMT (2000 HKT) June 2, 2018"));
    assert!(!rec.contains("Ref 7"));
    assert!(
        !rec.contains(standard),
        "273 of 3000 is below the 10% bar for prose"
    );
    let (spilled, spills) = engine_recurring(&docs, 4 << 20);
    assert!(spills > 0, "a pool of 4 MB must spill");
    assert_eq!(spilled, rec);
    let (in_memory, spills) = engine_recurring(&docs, 256 << 20);
    assert_eq!(spills, 0);
    assert_eq!(in_memory, rec);
}

#[test]
fn title_is_exempt_from_recurrence_but_not_known_patterns() {
    let docs: Vec<String> = (0..6)
        .map(|i| {
            format!("Telephone conversation with President of France\n\nText {i} follows here.")
        })
        .collect();
    let rec = counts_of(&docs).recurring(6);
    assert!(rec.is_empty());
    assert_eq!(removed("Listen Live\n\nBody text."), ["Listen Live"]);
}

#[test]
fn structure_is_kept() {
    let doc = "Title\n\nPara one.\nListen Live\nPara two.\n";
    let c = clean(doc, &RecurringLines::none());
    assert_eq!(c.text, "Title\n\nPara one.\n\nPara two.\n");
    assert_eq!(c.removed_lines, 1);
    let crlf = "Title\r\n\r\nBody.\r\nGet short URL\r\n";
    assert_eq!(
        clean(crlf, &RecurringLines::none()).text,
        "Title\r\n\r\nBody.\r\n\n"
    );
}

#[test]
fn adversarial_input() {
    let start = Instant::now();
    let rec = RecurringLines::none();
    let mut counts = LineCounts::default();
    let big_words = "Word ".repeat(200_000); // 1 MB line of title-case words
    let big_tags = "Tag, ".repeat(200_000);
    let big_copy = format!("© 2014 {}", "x".repeat(1_000_000));
    let big_nospace = "a".repeat(1_000_000);
    let many_lines = "Get short URL\n".repeat(100_000);
    let unicode = "\u{0}\u{feff}\u{200b}\r\r\n\u{301}\u{202e}مرحبا ©\u{a0}\u{1F600}\n--\n\u{10FFFF}İ\u{130}ẞ\n:\n12:\n1:2 gmt\n© \ndocument \n words";
    for doc in [
        "",
        "\n",
        "\n\n\n",
        "date ",
        "--",
        " words",
        big_words.as_str(),
        big_tags.as_str(),
        big_copy.as_str(),
        big_nospace.as_str(),
        many_lines.as_str(),
        unicode,
    ] {
        let c = clean(doc, &rec);
        assert_eq!(c.text.split('\n').count(), doc.split('\n').count());
        counts.add_document(doc);
        let _ = is_known_boilerplate(doc);
    }
    assert_eq!(clean(&many_lines, &rec).removed_lines, 100_000);
    assert_eq!(clean(&big_words, &rec).removed_lines, 0);
    let _ = counts.recurring(counts.documents());
    assert!(start.elapsed() < Duration::from_secs(20), "bounded time");
}

/// Twenty articles of a video-heavy outlet (written after the layout of such pages): the
/// labels recur with a changing tail, the time stamps with a changing date.
fn outlet_pages() -> Vec<String> {
    (0..20)
        .map(|i| {
            format!(
                "Story {i} headline\n\n\
                 Updated {h:02}{m:02} GMT ({m:02}{h:02} HKT) April {d}, 2016\n\
                 The senator said on Tuesday that the bill number {i} would pass.\n\
                 JUST WATCHED Senator speaks on bill {i}\n\
                 MUST WATCH Storm number {i} hits the coast\n\
                 Photos: Flooding in town {i}\n\
                 SHOW TIME The panel {i} reacts\n\
                 Critics of the bill said it would cost jobs, and {i} unions agreed.\n",
                h = i % 24,
                m = (i * 7) % 60,
                d = 1 + i % 28,
            )
        })
        .collect()
}

#[test]
fn templates_learned_from_the_corpus() {
    let docs = outlet_pages();
    let counts = counts_of(&docs);
    assert_eq!(counts.prefix_count("JUST WATCHED"), 20);
    assert_eq!(counts.prefix_count("Photos:"), 20);
    assert_eq!(counts.count("Updated 0101 GMT (0101 HKT) May 3, 2017"), 20);
    let rec = counts.recurring(20);
    let v = classify_lines(&docs[3], &rec);
    assert_eq!(v[2], Some(Removal::Recurring(Recurs::Masked)));
    assert_eq!(v[4], Some(Removal::Known(Known::Prefix(4))));
    assert_eq!(v[7], Some(Removal::Recurring(Recurs::Prefix)));
    assert_eq!(
        removed_with(&docs[3], &rec),
        [
            "Updated 0321 GMT (2103 HKT) April 4, 2016",
            "JUST WATCHED Senator speaks on bill 3",
            "MUST WATCH Storm number 3 hits the coast",
            "Photos: Flooding in town 3",
            "SHOW TIME The panel 3 reacts",
        ]
    );
    let c = clean(&docs[3], &rec);
    let mut tally = Removed::default();
    tally.add("a", &c.removed);
    let rows: Vec<(String, &str)> = tally
        .rows()
        .into_iter()
        .map(|r| (r.pattern, r.kind))
        .collect();
    assert!(
        rows.contains(&("show time …".to_string(), "template")),
        "{rows:?}"
    );
    assert!(
        rows.contains(&("updated … gmt (… hkt) … …, …".to_string(), "template")),
        "{rows:?}"
    );
    assert!(
        rows.contains(&("just watched …".to_string(), "known")),
        "{rows:?}"
    );
    // Without the corpus, only the known labels go; the learned ones need their counts.
    assert_eq!(removed(&docs[3]).len(), 3);
}

#[test]
fn prose_that_recurs_goes_only_when_many_articles_carry_it() {
    let blurb =
        "Sputnik is a news agency and radio broadcasting service with offices in many countries.";
    let docs: Vec<String> = (0..30)
        .map(|i| {
            let tail = if i < 4 { blurb } else { "" };
            format!("T {i}\n\nStory {i} is about talks in Geneva on arms control.\n{tail}\n")
        })
        .collect();
    // In 4 of 30 articles: a standard paragraph a reader keeps.
    let rec = counts_of(&docs).recurring(30);
    assert!(!rec.contains(blurb));
    // In every article: the outlet's own blurb.
    let docs: Vec<String> = (0..30)
        .map(|i| format!("T {i}\n\nStory {i} is about talks in Geneva.\n{blurb}\n"))
        .collect();
    let rec = counts_of(&docs).recurring(30);
    assert!(rec.contains(blurb));
    assert_eq!(removed_with(&docs[0], &rec), [blurb]);
}

#[test]
fn tallies_merge_whatever_the_order() {
    let rec = counts_of(&outlet_pages()).recurring(20);
    let pieces: Vec<Removed> = outlet_pages()
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let mut t = Removed::default();
            t.add(&format!("doc{i:02}"), &clean(d, &rec).removed);
            t
        })
        .collect();
    let forward = pieces
        .iter()
        .cloned()
        .fold(Removed::default(), Removed::merge);
    let backward = pieces
        .iter()
        .rev()
        .cloned()
        .fold(Removed::default(), Removed::merge);
    assert_eq!(forward, backward);
    let rows = forward.rows();
    assert_eq!(rows.len(), 5);
    assert!(rows.iter().all(|r| r.articles == 20 && r.lines == 20));
    // The example comes from the first article by doc_id.
    assert!(
        rows.iter()
            .all(|r| r.example.contains(" 0") || r.example.contains("April 1,"))
    );
}

#[test]
fn a_copyright_stamp_is_no_photo_credit() {
    // Lower-cased exports have no final full stops: the last paragraph above "© daily mail"
    // is the story's, not a caption.
    let doc = "T\n\nlps has been suspended by the examining body\na home office spokesman said a full investigation is ongoing\n© daily mail\n";
    assert_eq!(removed(doc), ["© daily mail"]);
    let doc = "T\n\nThe minister arrives in Bonn for the talks\n© AP Photo/ Michael Probst\n";
    assert_eq!(
        removed(doc),
        [
            "The minister arrives in Bonn for the talks",
            "© AP Photo/ Michael Probst"
        ]
    );
}
