use super::*;

/// `want`: one `[id, title, source, date, section, byline, body]` per record; "" is `None`.
fn check(text: &str, layout: Layout, want: &[[&str; 7]]) {
    let (got_layout, records) = split(text).expect("recognised as an export");
    assert_eq!(got_layout, layout);
    let opt = |f: &Option<String>| {
        assert_ne!(f.as_deref(), Some(""), "empty fields are None");
        f.clone().unwrap_or_default()
    };
    let got: Vec<[String; 7]> = records
        .iter()
        .map(|r| {
            let (t, s, d) = (opt(&r.title), opt(&r.source), opt(&r.date));
            [
                r.id.clone(),
                t,
                s,
                d,
                opt(&r.section),
                opt(&r.byline),
                r.body.clone(),
            ]
        })
        .collect();
    let want: Vec<[String; 7]> = want.iter().map(|w| w.map(str::to_string)).collect();
    assert_eq!(got, want);
}

/// `want`: `[section, title, byline]` of a Factiva header block; "" is `None`.
fn check_header(block: &[&str], want: [&str; 3]) {
    let h = header(block);
    let got = [h.section, h.title, h.byline].map(Option::unwrap_or_default);
    assert_eq!(got, want, "{block:?}");
}

#[test]
fn factiva_one_record() {
    let text = "News\nMigrants' hostel plan rejected by council\nBy Sarah Jones\n421 words\n\
        12 March 2014\n17:05\nThe Independent\nIND\n1st\n14\nEnglish\n\
        (c) 2014 Independent Print Ltd. All rights reserved\n\n\
        The planning committee voted 7-2 against the scheme on Tuesday.\n\n\
        Residents had collected 1,200 signatures.\n\nDocument IND0000020140312ea3c0001k\n";
    check(
        text,
        Layout::Factiva,
        &[[
            "IND0000020140312ea3c0001k",
            "Migrants' hostel plan rejected by council",
            "The Independent",
            "12 March 2014",
            "News",
            "Sarah Jones",
            "The planning committee voted 7-2 against the scheme on Tuesday.\n\n\
            Residents had collected 1,200 signatures.",
        ]],
    );
}

#[test]
fn factiva_without_section_and_byline() {
    let text = "Visa fees to rise in April\n187 words\n3 February 2014\nThe Times\nT\nEnglish\n\
        © 2014 Times Newspapers Ltd. All rights reserved\n\n\
        Fees for work visas will rise by 4 per cent from April.\n\n\
        Document T000000020140203ea230002x";
    check(
        text,
        Layout::Factiva,
        &[[
            "T000000020140203ea230002x",
            "Visa fees to rise in April",
            "The Times",
            "3 February 2014",
            "",
            "",
            "Fees for work visas will rise by 4 per cent from April.",
        ]],
    );
}

#[test]
fn factiva_lower_case_with_the_corpus_date_line() {
    // Shapes of uk_immigration_news_2014: a byline marked by trailing spaces with a credit
    // under it and no section; a byte-order mark instead of the "____" line.
    let guardian = "date 2014-03-27\n\n____\n  \nasylum claims rise for a third year\n\
        anna price   \ntheguardiancom\n512 words\n27 march 2014\nguardiancouk\ngrultd\n\
        english\nc 2014 guardian news & media limited all rights reserved   \n\
        asylum claims rose for the third year running\nthe home office said it would appeal\n\
        document grultd0020140327ea3r000ab\n";
    check(
        guardian,
        Layout::Factiva,
        &[[
            "grultd0020140327ea3r000ab",
            "asylum claims rise for a third year",
            "guardiancouk",
            "27 march 2014",
            "",
            "anna price",
            "asylum claims rose for the third year running\nthe home office said it would appeal",
        ]],
    );
    let express = "date 2014-04-28\n\n\u{feff}editorial opinion columns\nwhy the count is wrong\n\
        leo hart  \n883 words\n28 april 2014\nthe daily express\ntheexp\n1 national\n12\n\
        english\nc 2014 express newspapers  \nthe numbers do not add up\n\
        document theexp0020140428ea4s0000z";
    check(
        express,
        Layout::Factiva,
        &[[
            "theexp0020140428ea4s0000z",
            "why the count is wrong",
            "the daily express",
            "28 april 2014",
            "editorial opinion columns",
            "leo hart",
            "the numbers do not add up",
        ]],
    );
}

#[test]
fn factiva_fields_a_blank_line_apart_and_a_missing_trailer() {
    // As saved from Factiva's RTF; the first record lost its trailer.
    let text = "Factiva\n\nDow Jones\n\nNews\n\nPort checks tightened\n\nBy Ann Lee\n\n\
        98 words\n\n2 May 2014\n\nThe Sun\n\nTHESUN\n\nEnglish\n\n\
        © 2014 News Group Newspapers Ltd. All rights reserved\n\nChecks at Dover rise.\n\n\n\
        Fewer visas for students\n\n120 words\n\n3 May 2014\n\nThe Sun\n\nTHESUN\n\nEnglish\n\n\
        © 2014 News Group Newspapers Ltd. All rights reserved\n\nStudent visas fell.\n\n\
        Document THESUN0020140503ea5300012\n";
    check(
        text,
        Layout::Factiva,
        &[
            [
                "1",
                "Port checks tightened",
                "The Sun",
                "2 May 2014",
                "News",
                "Ann Lee",
                "Checks at Dover rise.",
            ],
            [
                "THESUN0020140503ea5300012",
                "Fewer visas for students",
                "The Sun",
                "3 May 2014",
                "",
                "",
                "Student visas fell.",
            ],
        ],
    );
}

#[test]
fn factiva_header_shapes() {
    check_header(
        &["news", "cameron rally cry", "martyn brown   "],
        ["news", "cameron rally cry", "martyn brown"],
    );
    check_header(
        &["global insight", "heirs to blair", "by tony barber   "],
        ["global insight", "heirs to blair", "tony barber"],
    );
    check_header(
        &["features", "do you have a story"],
        ["features", "do you have a story", ""],
    );
    check_header(
        &["british carers at risk", "by sarah grady   "],
        ["", "british carers at risk", "sarah grady"],
    );
    check_header(
        &[
            "ukip candidate defends remarks",
            "rowena mason   ",
            "theguardiancom",
        ],
        ["", "ukip candidate defends remarks", "rowena mason"],
    );
    // A headline starting with "by" is no byline when a marked line follows.
    check_header(
        &["comment", "by twice besting clegg", "mary dejevsky   "],
        ["comment", "by twice besting clegg", "mary dejevsky"],
    );
    // Too long for a section, and a one-word credit under it.
    check_header(
        &[
            "power to make terror suspects stateless worries human rights committee",
            "theguardiancom",
        ],
        [
            "",
            "power to make terror suspects stateless worries human rights committee",
            "",
        ],
    );
    check_header(
        &["Ukip surge alarms Tories", "Hugh Muir"],
        ["", "Ukip surge alarms Tories", "Hugh Muir"],
    );
    check_header(&["News", "Farage Wins"], ["News", "Farage Wins", ""]);
    check_header(
        &["News", "A headline on", "two lines", "By Ann Lee"],
        ["News", "A headline on two lines", "Ann Lee"],
    );
    check_header(
        &["features", "letters", "Daily Mail Reporter"],
        ["features", "letters", "Daily Mail Reporter"],
    );
    check_header(&[], ["", "", ""]);
}

#[test]
fn lexisnexis_one_record() {
    let text = "Download Request: Selected Items: 1-1\nTerms: migration\n\n\n\
        \x20                              1 of 1 DOCUMENT\n\n\n\
        \x20                         The New York Times\n\n\
        \x20                       May 19, 2014 Monday\n\
        \x20                       Late Edition - Final\n\n\
        Britain's Farmers Look Abroad\n\nSECTION: Section A; Column 0; Foreign Desk; Pg. 6\n\n\
        LENGTH: 1,024 words\n\nBYLINE: By STEVEN ERLANGER\n\nDATELINE: LONDON\n\n\
        Strawberry growers in Kent say the end of a visa scheme\nleft fruit unpicked.\n\n\
        UPDATE: The Home Office has since replied.\n\nPrices will rise, growers say.\n\n\
        URL: http://www.nytimes.com/2014/05/19/world/europe/farmers.html\n\n\
        LOAD-DATE: May 19, 2014\n\nLANGUAGE: ENGLISH\n\n\
        GRAPHIC: PHOTO: Pickers near Canterbury.\n(PHOTOGRAPH BY ANDREW TESTA)\n\n\
        PUBLICATION-TYPE: Newspaper\n\n\n\
        \x20                Copyright 2014 The New York Times Company\n";
    check(
        text,
        Layout::LexisNexis,
        &[[
            "1",
            "Britain's Farmers Look Abroad",
            "The New York Times",
            "May 19, 2014 Monday",
            "Section A; Column 0; Foreign Desk; Pg. 6",
            "STEVEN ERLANGER",
            "Strawberry growers in Kent say the end of a visa scheme\nleft fruit unpicked.\n\n\
            UPDATE: The Home Office has since replied.\n\nPrices will rise, growers say.",
        ]],
    );
}

#[test]
fn nexis_uni_records() {
    let nb = "\u{a0}";
    let text = format!(
        "Date and Time: Tuesday, May 20, 2014 10:15:00 BST\nJob Number: 12345\nDocuments (2)\n\
         1. Seasonal visa scheme to return\nClient/Matter: -None-\nSearch Terms: seasonal\n\n\n\
         Seasonal visa scheme to return\nThe Guardian(London)\nMay 19, 2014 Monday 9:20 AM GMT\n\n\
         Copyright 2014 The Guardian. All Rights Reserved\n\nSection:{nb}POLITICS; Version:3\n\
         Length:{nb}355 words\nByline:{nb}Nadia Brookes\nBody\n\n\
         Ministers will bring back a visa scheme for farm workers.\n\nGrowers welcomed it.\n\n\
         Classification\nLanguage:{nb}ENGLISH\nJournal Code:{nb}WEBGNS\n\
         Subject:{nb}IMMIGRATION (90%)\nLoad-Date:{nb}May 20, 2014\n\nEnd of Document\n\n\
         Councils ask for school money\nThe Times (London)\nMay 19, 2014 Monday\n\
         Length:{nb}201 words\nBody\nCouncils want money for classrooms.\n\
         Load-Date:{nb}May 19, 2014\nEnd of Document\n"
    );
    check(
        &text,
        Layout::LexisNexis,
        &[
            [
                "1",
                "Seasonal visa scheme to return",
                "The Guardian(London)",
                "May 19, 2014 Monday 9:20 AM GMT",
                "POLITICS; Version:3",
                "Nadia Brookes",
                "Ministers will bring back a visa scheme for farm workers.\n\nGrowers welcomed it.",
            ],
            [
                "2",
                "Councils ask for school money",
                "The Times (London)",
                "May 19, 2014 Monday",
                "",
                "",
                "Councils want money for classrooms.",
            ],
        ],
    );
}

#[test]
fn fixture_factiva_three() {
    check(
        include_str!("../../../tests/data/exports/factiva_three.txt"),
        Layout::Factiva,
        &[
            [
                "DT00000020140519ea5j0007r",
                "Ministers promise review of seasonal worker visas",
                "The Daily Telegraph",
                "19 May 2014",
                "Politics",
                "Helen Marsh",
                "Ministers will review the seasonal agricultural worker scheme after fruit growers in \
             Kent warned that part of last summer's crop was left unpicked.\n\n\
             The review, announced by the Home Office yesterday, is due to report before the \
             autumn. Growers said 500 words of guidance had not helped them.",
            ],
            [
                "GRDN000020140520ea5k0002b",
                "Farmers say visa cap leaves crops in the fields",
                "The Guardian",
                "20 May 2014",
                "",
                "",
                "Growers in Herefordshire say the cap on seasonal visas has left strawberries rotting \
             in polytunnels.\n\n\"We cannot find the pickers,\" said one farmer, who employs 40 \
             people in a normal June.",
            ],
            [
                "FTFTA00020140521ea5l0000d",
                "Why the migration debate needs better numbers",
                "Financial Times",
                "21 May 2014",
                "Comment",
                "Ravi Desai",
                "Net migration figures rest on a survey of passengers at ports and airports, and its \
             margin of error is wider than most debates allow.",
            ],
        ],
    );
}

#[test]
fn fixture_factiva_lower() {
    check(
        include_str!("../../../tests/data/exports/factiva_lower.txt"),
        Layout::Factiva,
        &[[
            "theexp0020140519ea5j0004c",
            "councils warn of pressure on school places in the south east",
            "the daily express",
            "19 may 2014",
            "news",
            "tom hale",
            "councils in the south east say they need more money for school places as the number of \
         pupils rises faster than expected\na spokesman for the local government association \
         said planning had been made harder by changes in migration",
        ]],
    );
}

#[test]
fn fixture_lexisnexis_three() {
    check(
        include_str!("../../../tests/data/exports/lexisnexis_three.txt"),
        Layout::LexisNexis,
        &[
            [
                "1",
                "Seasonal workers: growers count the cost of the visa cap",
                "The Guardian (London)",
                "May 19, 2014 Monday",
                "NEWS; Pg. 12",
                "Nadia Brookes",
                "Fruit growers in Kent say a shortage of seasonal pickers cost them a fifth of\n\
             last year's strawberry harvest.\n\n\
             The National Farmers' Union has asked ministers to restore the scheme that\n\
             closed at the end of last year.",
            ],
            [
                "2",
                "Councils ask for help with school places",
                "The Times (London)",
                "May 19, 2014 Monday",
                "HOME NEWS; Pg. 7",
                "Ian Purdy, Education Correspondent",
                "Councils in the east of Scotland have asked for money to build classrooms as\n\
             pupil numbers rise faster than planned.",
            ],
            [
                "3",
                "Migration figures 'wrong by thousands'",
                "DAILY MAIL (London)",
                "May 18, 2014 Sunday",
                "",
                "PETER LANE",
                "The official count of people arriving in Britain missed tens of thousands of\n\
             students, a report by MPs says.",
            ],
        ],
    );
}

#[test]
fn ordinary_articles_are_not_exports() {
    let prose = "Tribunal hears of lost papers\n\nThe tribunal was shown Document ID 4471, a \
        letter of 500 words.\nIt ran to\n500 words\nand was signed by three officials.\n\
        Document ID: 12345\n1 of 3 documents was missing.";
    let reuters = "LONDON, May 19 (Reuters) - Britain's net migration rose to 212,000 in the \
        year to September, official figures showed on Thursday.\n\n(Reporting by Kate Holton; \
        Editing by Paul Sandle)";
    for text in [
        prose,
        reuters,
        "",
        "\n\n  \n",
        "12 words",
        "Length: 12 words",
    ] {
        assert_eq!(split(text), None, "{text:?}");
    }
}

#[test]
fn any_cut_of_an_export_is_safe() {
    let long = format!("{}\n12 words\n1 May 2014\n", "é".repeat(PROBE_BYTES));
    let fixtures = [
        include_str!("../../../tests/data/exports/factiva_three.txt"),
        include_str!("../../../tests/data/exports/lexisnexis_three.txt"),
        include_str!("../../../tests/data/exports/factiva_lower.txt"),
        &long,
    ];
    for text in fixtures {
        for cut in (0..=text.len()).filter(|&n| text.is_char_boundary(n)) {
            if let Some((_, records)) = split(&text[..cut]) {
                assert!(records.iter().all(|r| !r.id.is_empty()));
            }
        }
    }
}
