//! Data-driven tests of the sieves: a file per sieve in `tests/`, one case a line
//! (`text => speaker | how | rule`, several statements separated by ` ; `, or `text =>
//! none`), from the unit tests and the gold sets. Each file must hold at least four cases
//! of its sieve.

use super::rule_names;
use crate::speakers::testing::check_cases;

macro_rules! sieve_cases {
    ($($test:ident: $rule:literal, $file:literal;)*) => {
        $(
            #[test]
            fn $test() {
                check_cases(include_str!($file), $rule, 4);
            }
        )*

        #[test]
        fn every_rule_has_its_file_of_cases() {
            let tested = [$($rule),*];
            for rule in rule_names() {
                assert!(tested.contains(&rule), "no cases for {rule}");
            }
        }
    };
}

sieve_cases! {
    transcript: "transcript", "tests/transcript.txt";
    writing: "writing", "tests/writing.txt";
    according_to: "according-to", "tests/according_to.txt";
    by_agent: "by-agent", "tests/by_agent.txt";
    passive: "passive", "tests/passive.txt";
    participle: "participle", "tests/participle.txt";
    shared_subject: "shared-subject", "tests/shared_subject.txt";
    appositive: "appositive", "tests/appositive.txt";
    pronoun: "pronoun", "tests/pronoun.txt";
    spokesperson: "spokesperson", "tests/spokesperson.txt";
    group: "group", "tests/group.txt";
    subject: "subject", "tests/subject.txt";
    description: "description", "tests/description.txt";
    after_verb: "after-verb", "tests/after_verb.txt";
    coordinated: "coordinated", "tests/coordinated.txt";
}
