//! Unit tests of headline and source finding.

use super::*;

// The five seed articles, verbatim (`seeds/00N_*.txt`).
const SEED_000: &str = r##" date 2018-02-05 MOSCOW(Sputnik) - Russia and the United States should resume their dialogue on the missile defense in light of the growing relevance of the subject, Russian Deputy Foreign Minister Sergey Ryabkov said.

"I would like to emphasize the growing relevance of the missile defense topic. Let me remind you that an indestructible connection between strategic offensive arms and missile defense is noted in the preamble of the current Reduction of Strategic Offensive Arms Treaty. There has been no substantial dialogue with the Americans on this matter for a long time. Now it is the moment when it should be resumed," Ryabkov said in an interview with the Izvestia newspaper.

The Russian diplomat stressed that in order to overcome an impasse in the Russian-US relations, it was necessary to cooperate in a number of areas, including economy and regional crises.

"This agenda, in our opinion, includes issues of maintaining and ensuring of strategic stability… It also considers the work on regional crises… as well as economic interaction," Ryabkov noted.

At the same time, the Russian minister stressed that the Russian-US talks on the crisis in the eastern Ukrainian Donbass region had not achieved workable solutions so far. Yet, Ryabkov expressed hope that both sides would find a "scheme" that would be acceptable for both Kiev and the self-proclaimed Donetsk and Luhansk Republics.

On Friday, the US Defense Department published the country's new Nuclear Posture Review, which devoted much attention to the development of Russia's nuclear capability.

In 2014, relations between Russia and the United States deteriorated over Moscow's alleged involvement in the Ukrainian conflict and Crimea's reunification with Russia in 2014 following a referendum.

The United States, as well as the European Union, imposed several rounds of sanctions on Russia's energy, banking, defense and other sectors, as well as on a number of Russian officials. Moscow responded with countermeasures against the Western countries that targeted it with sanctions."##;

const SEED_001: &str = r##"Russia urges US to work together to fine-tune difficulties in New START Treaty

Moscow calls on Washington to jointly tackle the issue related to the modernization of US strategic delivery vehicles in accordance with the New START Treaty, Russian Foreign Minister Sergey Lavrov said at the Moscow Conference on International Security on Thursday.

“We have honored all our commitments under the Treaty on Measures for the Further Reduction and Limitation of Strategic Offensive Arms and call on the US, in accordance with the procedures provided for by that treaty, to jointly address the issues related to the modernization of part of some US strategic delivery vehicles,” he said.

Dialogue between Russian and US Presidents Vladimir Putin and Donald Trump, including on strategic stability, should not get stuck in political intrigues and bureaucracy, he went on.

Moscow favors extensive dialogue on the current major issues, including support for strategic stability, he said. “The Russian and US presidents talked about it over the phone on March 20. I wouldn’t like the two leaders’ understanding of the particular importance of this issue to be mired in bureaucratic games or be a hostage to political intrigues,” Lavrov stressed.

Trump has supported better relations with Russia since his inauguration; however, relations between Moscow and Washington have been deteriorating during the past year. The US repeatedly introduced packages of sanctions on Russia and expelled Russian diplomats twice during Trump’s presidency. In addition, the Russian consulates general in San Francisco (California) and Seattle (Washington) were closed.

The two leaders haven’t had a full-fledged meeting so far, but only twice talked on the sidelines of summits in 2017: at the APEC summit in Da Nang and at the G20 summit in Hamburg. In a telephone conversation earlier, Trump suggested Putin holding a meeting and named the White House among possible venues.

Be First to Comment

Leave a Reply

Your email address will not be published. Required fields are marked *"##;

const SEED_002: &str = r##" date 2017-04-13 Register
    The Russian Ministry of Foreign Affairs on Smolenskaya-Sennaya Square in Moscow

    Russia Ready to Work With US in All Areas of Mutual Interest - Deputy FM

    © Sputnik/ Natalia Seliverstova
    Russia is ready for the bilateral cooperation with the US in all areas that can be beneficial for both of them, Russian Deputy Foreign Minister Sergey Ryabkov told Sputnik on Thursday.

    MOSCOW (Sputnik) — Russia is ready to work with the United States in all areas of mutual interest and with awareness of the need to overcome obstructions, Russian Deputy Foreign Minister Sergey Ryabkov told Sputnik on Thursday.

    "It was confirmed to the [US] secretary of state yesterday that we are ready to cooperate in all areas of mutual interest. In order for this cooperation to be productive, of course the bilateral domain must be tightened up," Ryabkov said.

    He said both Moscow and Washington "firmly understand the fact that the logjams that have accumulated in the bilateral area need to be cleared up and liquidated."

    Russian Foreign Minister Sergei Lavrov and U.S. Secretary of State Rex Tillerson enter a hall during their meeting in Moscow, Russia, April 12, 2017
    © REUTERS/ Maxim Shemetov
    Meanwhile, the Russian-US group on normalization of bilateral relations may start working within the next two or three months, Russian Deputy Foreign Minister Sergey Ryabkov added.

    "The specific parameters of the group's work, that is, its schedule, its agenda, have not yet been determined. A principled agreement was reached. As for the level, this level is quite high. Apparently, although this is not yet fully regulated, not agreed, this is the level of deputy foreign ministers, that is, a deputy minister from our side and an under secretary of state from the US side," Ryabkov said.

    On Wednesday, Russian Foreign Minister Sergey Lavrov announced that he had agreed with Secretary of State Rex Tillerson to allocate special representatives from the foreign affairs agencies of the two countries, who would analyze the differences between Moscow and Washington.

    Ryabkov explained that there is still "the difficulty associated with the fact that appointments in the US administration are going rather slowly."

    "But I think that in any case the final clarification of all these issues is not far off. The main thing is that there is a mutual understanding of the need for this," the deputy minister said.

    The Russian foreign minister Sergey Lavrov, right, and US Secretary of State Rex Tillerson stand together during the G-20 Foreign Ministers meeting in Bonn, Germany
    © AP Photo/ Michael Probst
    He expressed hope that the group would begin operating in two-three months.

    Since 2014, relations between Russia and the United States deteriorated amid the crisis in Ukraine. Washington and their allies have introduced several rounds of anti-Russia sanctions since Crimea became part of Russia in 2014 and over Moscow's alleged involvement in the Ukrainian conflict. Russia has repeatedly refuted the allegations, warning that the Western sanctions are counterproductive and undermine global stability.

"##;

const SEED_003: &str = r##"MOSCOW, October 23. /TASS/. Russian Defense Minister Sergei Shoigu has stated that Russia and the US could jointly address strategic issues of nuclear deterrence and regulate major long-standing conflicts.
"Today there is a great number of problems in the world that could be tackled through joint efforts. It concerns both strategic issues of nuclear deterrence and, naturally, issues of the settlement of major long-standing conflicts," he said at negotiations with US National Security Advisor John Bolton.
The minister noted that the Russian and American military are supporting contacts in the most difficult areas. "It definitely concerns Syria, where we are constantly working and uphold our relations with the American colleagues through constant contacts," Shoigu explained.
He highlighted that it may serve as "the only positive example" of effective cooperation, which enables Russia and the US "to prevent serious incidents on Syrian territory and in the airspace above it." "We need a more active dialogue for all the rest," the defense minister noted. "I think that today we have a chance to discuss these issues."
On Monday, Bolton held negotiations with Russian Security Council Secretary Nikolai Patrushev and Russian Foreign Minister Sergey Lavrov. He is due to meet with Russian Presidential Aide Yuri Ushakov. Kremlin Spokesman Dmitry Peskov earlier said that a meeting between Bolton and Russian President Vladimir Putin is being also prepared.
Bolton’s visit has a special significance amid the US’ plans to withdraw from the Intermediate-Range Nuclear Forces Treaty (INF Treaty).
Russia-US ties
Sergei Shoigu has said that US National Security Adviser John Bolton’s visit to Russia will give a fresh impetus to the stabilization of relations between the two countries.
"I am glad to welcome you to the Russian Defense Ministry. You have a fairly intensive visit program. I hope it will give a fresh impetus to the stabilization of Russian-American relations," he said, opening talks with Bolton.
Shoigu noted that "after a meeting between our presidents, one can state that dialogue between the two countries is gradually being restored." "I am certain that even small steps will benefit our relations and restore confidence," the minister stressed.
According to Shoigu, "today there are numerous problems in the world, which we could solve through joint efforts."
On Monday, Bolton held talks with Secretary of Russia’s Security Council Nikolai Patrushev and Russian Foreign Minister Sergey Lavrov. His meeting with Kremlin Aide Yuri Ushakov is planned as well. Russian Presidential Spokesman Dmitry Peskov earlier said preparations for a meeting between Russian President Vladimir Putin and John Bolton were underway.
Bolton’s visit is of particular importance against the backdrop of Washington’s plans to withdraw from the Intermediate-Range Nuclear Forces (INF) Treaty."##;

const SEED_004: &str = r##"14:57 GMT +311 December 2019
Listen Live
    A view at the Moscow Kremlin, Historical Museum, Red Square and Saint Basil's Cathedral.

    Russia-US Cooperation Vital for Resolution of Global Problems - Kremlin

    © Sputnik / Alexei Filippov
    Get short URL

    Moscow hopes that the next US president will not undermine partnership with Russia.

    MOSCOW (Sputnik) — Mutually-beneficial cooperation between Russia and the United States is crucial for the success of international efforts to resolve many global problems, Kremlin spokesman Dmitry Peskov said Friday.

    "We are still convinced that without cooperation and interaction between Russia and the US the resolution of many global problems is impossible," Peskov told reporters in Moscow.

    Russia hopes that the presidential candidates in the upcoming US election campaign "would do less [compared with previous elections] to sacrifice out bilateral relations," according to Peskov.

    Since 2014, Russia's relations with the West, including the Unites States, deteriorated dramatically over Crimea's reunification with Russia and the Ukrainian crisis. Washington accused Moscow of meddling in Ukraine's internal affairs and escalating the armed conflict in the east of the country, which Russia has repeatedly denied.

    In mid-May, Russian Deputy Foreign Minister Sergei Ryabkov noted Moscow was ready for dialogue with Washington, particularly in the military and political spheres.

    Last week, Russian Foreign Minister Sergei Lavrov said Moscow would leave room for cooperation with the United States despite tensions between the two countries, stressing that such contacts should be in the interest of both Moscow and Washington.


    Serbia: a Tough Choice Between Russia and the US
    Merkel Follows US Course, Seeks to Further Isolate Russia
    US Might Add Missiles to Its Military Buildup in Europe to Counter Russia
    Kremlin Focuses on Alleged US Plans to Aim Missiles at Russia's Nukes
    cooperation, Kremlin, Dmitry Peskov, United States, Russia
    Community standardsDiscussion
    Comment via FacebookComment via Sputnik"##;

#[test]
fn seed_000_no_title_sputnik() {
    assert_eq!(find_title(SEED_000), None);
    assert_eq!(find_source(SEED_000).as_deref(), Some("Sputnik"));
}

#[test]
fn seed_001_first_line_title_no_source() {
    assert_eq!(
        find_title(SEED_001).as_deref(),
        Some("Russia urges US to work together to fine-tune difficulties in New START Treaty")
    );
    assert_eq!(find_source(SEED_001), None);
}

#[test]
fn seed_002_headline_after_caption_sputnik() {
    assert_eq!(
        find_title(SEED_002).as_deref(),
        Some("Russia Ready to Work With US in All Areas of Mutual Interest - Deputy FM")
    );
    assert_eq!(find_source(SEED_002).as_deref(), Some("Sputnik"));
}

#[test]
fn seed_003_dateline_no_title_tass() {
    assert_eq!(find_title(SEED_003), None);
    assert_eq!(find_source(SEED_003).as_deref(), Some("TASS"));
}

#[test]
fn seed_004_headline_after_furniture_sputnik() {
    assert_eq!(
        find_title(SEED_004).as_deref(),
        Some("Russia-US Cooperation Vital for Resolution of Global Problems - Kremlin")
    );
    assert_eq!(find_source(SEED_004).as_deref(), Some("Sputnik"));
}

fn src(text: &str) -> Option<String> {
    find_source(text)
}

// ------------------------------------------------------------ source forms

#[test]
fn source_city_paren_dateline() {
    assert_eq!(
        src("MOSCOW (Sputnik) - Russia said.").as_deref(),
        Some("Sputnik")
    );
    assert_eq!(
        src("MOSCOW(Sputnik) - Russia said.").as_deref(),
        Some("Sputnik")
    );
    assert_eq!(
        src("MOSCOW (Sputnik)\u{a0}\u{2014} Russia said.").as_deref(),
        Some("Sputnik")
    );
    assert_eq!(
        src(" date 2018-02-05 MOSCOW(Sputnik) - Russia").as_deref(),
        Some("Sputnik")
    );
}

#[test]
fn source_tass_slash() {
    assert_eq!(
        src("MOSCOW, October 23. /TASS/. Shoigu said.").as_deref(),
        Some("TASS")
    );
    assert_eq!(
        src("KIEV, May 5. /ITAR-TASS/. Text.").as_deref(),
        Some("TASS")
    );
}

#[test]
fn source_wire_parens() {
    assert_eq!(
        src("(CNN) \u{2014} The president said.").as_deref(),
        Some("CNN")
    );
    assert_eq!(
        src("WASHINGTON (CNN) - The president said.").as_deref(),
        Some("CNN")
    );
    assert_eq!(
        src("LONDON (Reuters) - Shares fell.").as_deref(),
        Some("Reuters")
    );
    assert_eq!(
        src("WASHINGTON, March 2 (Reuters) - Shares fell.").as_deref(),
        Some("Reuters")
    );
    assert_eq!(
        src("KYIV, Ukraine (AP) \u{2014} Shelling.").as_deref(),
        Some("AP")
    );
    assert_eq!(src("NEW YORK (AP) - Stocks rose.").as_deref(), Some("AP"));
    assert_eq!(src("PARIS (AFP) - France said.").as_deref(), Some("AFP"));
    assert_eq!(
        src("Headline\n\nLONDON (BBC) - Text.").as_deref(),
        Some("BBC")
    );
}

#[test]
fn source_unknown_outlet_taken_as_written() {
    assert_eq!(
        src("BEIRUT (Daily Star) - Talks resumed.").as_deref(),
        Some("Daily Star")
    );
    // Not outlets: table headings, update tags, arrows, lower-case prefixes.
    assert_eq!(src("LONDON COCOA OPEN POSITION (REVISED) - APR 6"), None);
    assert_eq!(src("TOKYO RUBBER (YEN PER KILO) - close"), None);
    assert_eq!(src("ICN (MSDOS) -> PBM/PGM/PPM format?"), None);
    assert_eq!(src("Russia said (Sputnik) - later"), None);
}

#[test]
fn source_reuters_signoff_and_bare_dateline() {
    let wire = "date 1987-03-02\nTITLE\n\nWASHINGTON, March 2 - The U.S. said\nthings.\n Reuter\n";
    assert_eq!(src(wire).as_deref(), Some("Reuters"));
    assert_eq!(src("Text.\n REUTER...\n").as_deref(), Some("Reuters"));
    assert_eq!(
        src("total 55.8 (33.7).        REUTER").as_deref(),
        Some("Reuters")
    );
    assert_eq!(src("Body.\nThe figures were given to Reuters"), None);
    assert_eq!(
        src("Text.\n(Reporting by Jane Doe; Editing by John Roe)").as_deref(),
        Some("Reuters")
    );
    // A bare dateline names no outlet (newspapers use the same form).
    assert_eq!(src("WASHINGTON, March 2 - The U.S. said things."), None);
    assert_eq!(src("Body.\n\nAFP").as_deref(), Some("AFP"));
    // Page furniture that merely ends with an outlet name is no sign-off.
    assert_eq!(src("Body.\nComment via FacebookComment via Sputnik"), None);
}

#[test]
fn source_byline() {
    assert_eq!(
        src("Title\nBy Jane Doe, Reuters\n\nBody.").as_deref(),
        Some("Reuters")
    );
    assert_eq!(src("By AFP\n\nBody.").as_deref(), Some("AFP"));
    assert_eq!(
        src("By JOHN ROE, Associated Press Writer\nBody.").as_deref(),
        Some("AP")
    );
    assert_eq!(src("By Jane Doe, Political Editor\nBody."), None);
}

#[test]
fn source_photo_credit_is_last_resort() {
    let credit = "Headline Here Today\n\n\u{a9} Sputnik/ Natalia Seliverstova\nBody text.";
    assert_eq!(src(credit).as_deref(), Some("Sputnik"));
    let both = "\u{a9} REUTERS/ Maxim Shemetov\nMOSCOW (Sputnik) - Body.";
    assert_eq!(src(both).as_deref(), Some("Sputnik"));
    // Photo agencies outside the table are not outlets.
    assert_eq!(src("\u{a9} Getty Images / John Roe\nBody."), None);
}

#[test]
fn source_copyright_line() {
    let uk = "date 2014-03-24\n\n____\nthe times\n\u{a9} 2014 times newspapers ltd all rights reserved\nbody";
    assert_eq!(src(uk).as_deref(), Some("The Times"));
    assert_eq!(
        src("c 2014 express newspapers\nbody").as_deref(),
        Some("Daily Express")
    );
    assert_eq!(src("copyright 2014\nbody"), None);
}

#[test]
fn source_mentions_in_body_are_not_evidence() {
    let text = "Russia is ready, Sergey Ryabkov told Sputnik on Thursday.\n\nReuters reported that (AP) sources agreed.";
    assert_eq!(src(text), None);
    // A dateline beyond the head is not looked at.
    let late = format!("{}\nMOSCOW (Sputnik) - Body.", "Body text. ".repeat(200));
    assert_eq!(src(&late), None);
}

#[test]
fn outlet_table_normalises() {
    assert_eq!(known_outlet(" ITAR-TASS "), Some("TASS"));
    assert_eq!(known_outlet("The Associated Press"), Some("AP"));
    assert_eq!(known_outlet("Agence France-Presse"), Some("AFP"));
    assert_eq!(
        known_outlet("Telegraph Media Group Ltd"),
        Some("The Telegraph")
    );
    assert_eq!(known_outlet("Moscow"), None);
    for (variant, display) in OUTLETS {
        assert_eq!(*variant, variant.to_lowercase(), "variants are lower case");
        assert_eq!(known_outlet(variant), Some(*display));
    }
}

// ------------------------------------------------------------ titles

#[test]
fn title_corpus_layout() {
    let t = "date 2021-10-24\nGreetings on 75th anniversary of Gnessin School\n\nVladimir Putin sent greetings.";
    assert_eq!(
        find_title(t).as_deref(),
        Some("Greetings on 75th anniversary of Gnessin School")
    );
    let bbc = "Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant rose.";
    assert_eq!(
        find_title(bbc).as_deref(),
        Some("Ad sales boost Time Warner profit")
    );
    // No title line: date, empty line, body.
    assert_eq!(
        find_title("date 1995-01-02\n\nIn 1994, the good times were short."),
        None
    );
    let short = "date 1995-01-02\n\nAnnualized Interest Rates on Certain Investments WEEK ENDED";
    assert_eq!(find_title(short), None);
}

#[test]
fn title_reuters_upper_case_kept() {
    let t = "date 1987-02-26\nBAHIA COCOA REVIEW\n\nSALVADOR, Feb 26 - Showers continued throughout the week in\nthe Bahia cocoa zone.\n Reuter\n";
    assert_eq!(find_title(t).as_deref(), Some("BAHIA COCOA REVIEW"));
    let us = "date 1987-03-02\nCHINA CALLS FOR BETTER TRADE DEAL WITH U.S.\n\nPEKING, March 2 - China said.";
    assert_eq!(
        find_title(us).as_deref(),
        Some("CHINA CALLS FOR BETTER TRADE DEAL WITH U.S.")
    );
    let ticker = "date 1987-03-02\n<ATCO LTD> SEES GAIN FROM SALE\n\nCALGARY, March 2 - Atco said.";
    assert_eq!(
        find_title(ticker).as_deref(),
        Some("<ATCO LTD> SEES GAIN FROM SALE")
    );
    // BRIEF items: title only.
    let brief = "date 1987-03-02\nACME SETS QUARTERLY DIVIDEND\n\n";
    assert_eq!(
        find_title(brief).as_deref(),
        Some("ACME SETS QUARTERLY DIVIDEND")
    );
}

#[test]
fn title_not_a_caption_above_a_credit() {
    let t = "Putin and Trump at the Summit in Helsinki\n\u{a9} REUTERS/ Kevin Lamarque\nThe two leaders met on Monday, officials said, and talked for two hours.";
    assert_eq!(find_title(t), None);
    let t2 = "Listen Live\nPutin and Trump at the Summit in Helsinki\n\nTalks Go Ahead Despite Protests\n\n\u{a9} Sputnik / John Roe\nThe two leaders met on Monday, officials said.";
    assert_eq!(
        find_title(t2).as_deref(),
        Some("Talks Go Ahead Despite Protests")
    );
}

#[test]
fn title_not_first_body_sentence() {
    let t = "Moscow hopes that the next US president will not undermine partnership with Russia.\n\nMore body text follows here.";
    assert_eq!(find_title(t), None);
    // Hard-wrapped prose is not a headline even when a line looks like one.
    let wrapped = "\nComissaria Smith said there is still some doubt as to how\nmuch old crop cocoa is still available.\n";
    assert_eq!(find_title(wrapped), None);
}

#[test]
fn title_not_furniture_or_date() {
    assert_eq!(find_title("Register\n\nListen Live\n\nBody."), None);
    assert_eq!(
        find_title("14:57 GMT +311 December 2019\n\nBody text here."),
        None
    );
    assert_eq!(find_title("Get short URL\n\nBody text here."), None);
}

#[test]
fn title_lower_case_factiva_block_is_none() {
    let uk = "date 2014-02-22\n\n____\nlabour is running scared from the eu referendum\nby macer hall   \n1492 words\n22 february 2014\nexpresscouk\nenglish\ncopyright 2014   \nnext weekend ed miliband will get together with union bosses\n";
    assert_eq!(find_title(uk), None);
    // A lower-case first line takes the title slot: no title further down.
    let ng = "info wanted: X security holes\n\nAny info is welcomed.  Thanks!!\n\nMore.";
    assert_eq!(find_title(ng), None);
}

#[test]
fn headline_form_rules() {
    assert!(headline_form("Russia-US Cooperation Vital - Kremlin"));
    assert!(headline_form("Is Russia Ready?"));
    assert!(headline_form("iTunes now selling Band Aid song"));
    assert!(headline_form("$1m payoff for former Shell boss"));
    assert!(headline_form("Rivals of the \u{a3}400 Apple..."));
    assert!(!headline_form("the lower case line"));
    assert!(!headline_form("A sentence ends here."));
    assert!(!headline_form("Trailing comma,"));
    assert!(!headline_form("Cut off -"));
    assert!(date_time_line("14:57 gmt +311 december 2019"));
    assert!(!date_time_line("10 downing street"));
}

// ------------------------------------------------------------ adversarial

#[test]
fn adversarial_inputs_do_not_panic() {
    let big_line = "\u{e9}".repeat(600_000); // 1.2 MB, no newline, 2-byte chars
    let big_ascii = "A".repeat(1_000_000);
    let many_lines = "Short Title Line\n".repeat(100_000);
    let inputs: Vec<String> = vec![
        String::new(),
        " ".into(),
        "\n\n\n".into(),
        "date 2020-01-01".into(),
        "date 2020-01-0\u{e9}x".into(),
        "date ".into(),
        "(".into(),
        ")(".into(),
        "/".into(),
        "//".into(),
        "(\u{1F600})-".into(),
        "\u{a9}".into(),
        "c 20".into(),
        "MOSCOW (".into(),
        "MOSCOW, October 23. /".into(),
        "\u{feff}\u{200f}\u{5e9}\u{5dc}\u{5d5}\u{5dd} \u{1F600}\n\n\u{0}\u{7}\r\n".into(),
        "\u{10FFFF}\u{FFFD}(\u{10FFFF}) \u{2014} x".into(),
        "By ".into(),
        big_line.clone(),
        format!("Title Here\n\n{big_line}"),
        format!("{big_line}\n\nMOSCOW (Sputnik) - x"),
        big_ascii,
        many_lines,
        "-".repeat(100_000),
        "(".repeat(100_000),
        "\u{a9} ".repeat(100_000),
    ];
    for s in &inputs {
        let started = std::time::Instant::now();
        let _ = find_title(s);
        let _ = find_source(s);
        // Bounded head/tail: even debug builds finish far below this.
        assert!(
            started.elapsed().as_millis() < 500,
            "slow on input of {} bytes",
            s.len()
        );
    }
    assert_eq!(find_title(""), None);
    assert_eq!(find_source(""), None);
    assert_eq!(
        find_title(&format!("Title Here Now\n\n{big_line}")).as_deref(),
        Some("Title Here Now")
    );
}

#[test]
fn cuts_respect_char_boundaries() {
    for pad in 0..4 {
        let s = format!("{}{}", "x".repeat(pad), "\u{1F600}".repeat(2_000));
        assert!(head_of(&s, SOURCE_HEAD_BYTES).len() <= SOURCE_HEAD_BYTES);
        assert!(tail_of(&s, 301).len() <= 301);
        let _ = find_title(&s);
        let _ = find_source(&s);
    }
}
