//! Each tone rule pinned by small sentences written here: the expected
//! direction, and a comparison that fails if the rule is removed.

use stance::lexicons::Lexicons;
use stance::tone::{Label, Score, score};

fn sc(s: &str) -> Score {
    static LX: std::sync::OnceLock<Lexicons> = std::sync::OnceLock::new();
    let lx = LX.get_or_init(|| Lexicons::built_in().unwrap());
    let d = stance::text::parse(s.to_string());
    score(&d, lx, stance::document::Span::new(0, s.len()))
}

fn has_step(s: &Score, step: &str) -> bool {
    s.hits
        .iter()
        .any(|h| h.steps.iter().any(|x| x.contains(step)))
}

#[test]
fn cues_score_in_their_direction() {
    assert_eq!(
        sc("The talks were very constructive").label(),
        Label::Optimistic
    );
    assert_eq!(sc("There are some tough issues").label(), Label::Cautious);
    assert!(sc("We are optimistic").stance > 0.0);
    assert!(sc("It remains to be seen").stance < 0.0);
}

#[test]
fn negation_flips_within_scope() {
    let plain = sc("We are optimistic about the deal");
    let neg = sc("We are not optimistic about the deal");
    assert!(
        plain.stance > 0.0 && neg.stance < 0.0,
        "{} {}",
        plain.stance,
        neg.stance
    );
    assert!(has_step(&neg, "negated"));
    // negated caution is weak optimism
    assert!(sc("A deal is not impossible").stance > sc("A deal is impossible").stance);
    assert!(sc("A deal is not impossible").stance > 0.0);
    // the negator belongs to the verb, not to the object's cue
    let verb = sc("Workers won't accept another pay cut");
    assert!(verb.stance < 0.0, "{}", verb.stance);
    assert!(!has_step(&verb, "negated"));
}

#[test]
fn intensifiers_and_diminishers_scale() {
    let base = sc("They are hopeful").stance;
    assert!(sc("They are very hopeful").stance > base);
    assert!(sc("They are slightly hopeful").stance < base);
    assert!(sc("They are slightly hopeful").stance > 0.0);
}

#[test]
fn hedges_soften_optimism_and_add_caution() {
    let plain = sc("A breakthrough is coming");
    let hedged = sc("Perhaps a breakthrough is coming");
    assert!(hedged.stance < plain.stance);
    assert!(hedged.caution > plain.caution);
    assert!(has_step(&hedged, "hedged") || hedged.hits.iter().any(|h| h.text == "perhaps"));
}

#[test]
fn contrast_weighs_the_clause_after_but() {
    let s = sc("The talks were constructive but the issues are tough");
    assert!(has_step(&s, "after contrast") && has_step(&s, "before contrast"));
    let swapped = sc("The issues are tough but the talks were constructive");
    assert!(
        swapped.stance > s.stance,
        "{} vs {}",
        swapped.stance,
        s.stance
    );
}

#[test]
fn conditionals_count_less() {
    let plain = sc("The talks will succeed");
    let cond = sc("If the talks succeed, prices will fall");
    assert!(has_step(&cond, "conditional"));
    assert!(cond.optimism < plain.optimism);
}

#[test]
fn questions_lean_cautious() {
    let q = sc("Are they ready to make peace?");
    let a = sc("They are ready to make peace.");
    assert!(q.stance < a.stance);
    assert!(q.hits.iter().any(|h| h.text == "?"));
}

#[test]
fn cautious_optimism_is_mixed() {
    assert_eq!(sc("She was cautiously optimistic").label(), Label::Mixed);
    assert_eq!(
        sc("The White House expressed cautious optimism").label(),
        Label::Mixed
    );
}

#[test]
fn expectations_compared_say_the_opposite() {
    assert!(sc("The rise was smaller than many had feared").stance > 0.0);
    assert!(sc("Cuts came later than people had hoped").stance < 0.0);
    // a cue before "than" carries the tone itself
    assert!(sc("The damage was worse than feared").stance < 0.0);
}

#[test]
fn first_person_commitments_are_confident() {
    let s = sc("We will open the bridge in June");
    assert!(s.stance > 0.0 && has_step(&s, "commitment"));
    assert!(!has_step(&sc("We will not open the bridge"), "commitment"));
    assert!(!has_step(
        &sc("If we will open the bridge, fine"),
        "commitment"
    ));
}

#[test]
fn sentiment_words_spill_into_tone_and_sentiment() {
    let s = sc("The weather was wonderful");
    assert!(s.sentiment > 0.3 && s.stance > 0.0);
    let b = sc("The weather was dreadful");
    assert!(b.sentiment < -0.3 && b.stance < 0.0);
}

#[test]
fn exceeding_an_expectation_turns_it_round() {
    // "more than hoped" is good news, "bigger than feared" bad news
    assert!(sc("We raised more money than we had hoped").stance > 0.0);
    assert!(sc("The deficit was bigger than many had feared").stance < 0.0);
    // a comparative of decrease keeps the plain reading
    assert!(sc("We raised less money than we had hoped").stance < 0.0);
}

#[test]
fn x_not_y_leans_both_ways() {
    let s = sc("We are close, not finished");
    assert!(has_step(&s, "X, not Y"), "{:?}", s.hits);
    assert_eq!(s.label(), Label::Mixed);
    assert_eq!(
        sc("The direction is clear; the pace is not").label(),
        Label::Mixed
    );
    // the weaker side rises, the sign stays
    let p = sc("The problem is supply, not customers");
    assert!(p.stance < 0.0 && p.optimism > 0.0 && has_step(&p, "X, not Y"));
    // not inside a cue, nor "not only"
    assert!(!has_step(&sc("It will be weeks, not days"), "X, not Y"));
    assert!(!has_step(&sc("It is late, not only for us"), "X, not Y"));
}

#[test]
fn surprise_at_a_failure_is_confidence() {
    // lexicon entries with gaps: "surprised if .. not" outranks "surprised if"
    let confident = sc("I would be surprised if we did not have a text by the summit");
    let doubtful = sc("I would be surprised if they build even half of that");
    assert!(confident.stance > 0.0, "{:?}", confident.hits);
    assert!(doubtful.stance < 0.0, "{:?}", doubtful.hits);
}

#[test]
fn gap_entries_stay_inside_their_clause_and_prefer_the_tight_match() {
    // "sales .. fell" (caution) and "sales .. rose" (optimism) both start at
    // "sales"; the tight one is meant, and no entry reaches over a full stop.
    let s = sc("Sales fell but costs rose.");
    assert!(
        s.hits.iter().all(|h| h.text != "sales fell but costs rose"),
        "{:?}",
        s.hits
    );
    assert_eq!(s.label(), Label::Cautious);
    let s = sc("Sales fell sharply. Prices rose again.");
    assert!(
        s.hits.iter().all(|h| !h.text.contains("sharply prices")),
        "{:?}",
        s.hits
    );
    assert_eq!(s.label(), Label::Cautious);
}

#[test]
fn hope_inside_a_doubt_is_what_is_doubted() {
    for s in [
        "The union leader was not hopeful of a breakthrough at the meeting",
        "The harbour will take years to recover",
        "Engineers were not optimistic that the probe could be revived",
    ] {
        let x = sc(s);
        assert_eq!(x.label(), Label::Cautious, "{s}: {:?}", x.hits);
        assert!(has_step(&x, "doubted"), "{s}: {:?}", x.hits);
    }
    // a new clause is out of the doubt's reach
    let x = sc("Talks failed to produce a deal, but both sides remain hopeful");
    assert!(
        !x.hits
            .iter()
            .any(|h| h.text.contains("hopeful") && h.steps.iter().any(|s| s.contains("doubted")))
    );
}

#[test]
fn capitalised_words_inside_a_sentence_are_names_without_tone() {
    let named = sc("Engineers said the Halcyon probe and the Freedom Party office were inspected");
    assert!(named.hits.is_empty(), "{:?}", named.hits);
    assert_eq!(named.sentiment, 0.0);
    // the same words as ordinary words, and at a sentence start, do count
    assert!(sc("Engineers said freedom was near").sentiment > 0.0);
    assert!(sc("Optimism is growing among the miners").stance > 0.0);
}

#[test]
fn a_turn_after_one_side_carries_the_other() {
    // the words after "but" carry no cue, yet the turn signals a reservation
    let s = sc("The jobs are very welcome, but the nearest plant is forty miles away");
    assert!(has_step(&s, "turn"), "{:?}", s.hits);
    assert_eq!(s.label(), Label::Mixed);
    // a contrast opening the next sentence turns the one before
    let t = sc(
        "It is brilliant they are back. But we were told three weeks and it has been two months",
    );
    assert!(has_step(&t, "turn") && t.caution > 0.2, "{:?}", t.hits);
    // nothing to turn: the side after already leans back, or nothing leans before
    assert!(!has_step(
        &sc("The talks were constructive, but problems remain"),
        "turn"
    ));
    assert!(!has_step(
        &sc("It is a modest one, but it is in the right direction"),
        "turn"
    ));
    // "while" is as often a time as a contrast
    assert!(!has_step(
        &sc("Work was suspended while engineers checked what had gone wrong"),
        "turn"
    ));
}

#[test]
fn a_doubted_future_is_no_commitment() {
    // a negator earlier in the clause governs the first-person future
    let doubted = sc("I'm not sure I'll see twenty");
    assert!(!has_step(&doubted, "commitment"), "{:?}", doubted.hits);
    assert!(doubted.stance < 0.0);
    assert!(has_step(&sc("I'll see this through"), "commitment"));
}

#[test]
fn an_outcome_in_an_open_question_is_no_hope() {
    let s = sc("He could not say when the network would be fully restored");
    assert!(has_step(&s, "open question"), "{:?}", s.hits);
    assert_eq!(s.label(), Label::Cautious);
    // the outcome stated plainly is still hope
    assert!(sc("The network would be fully restored by Friday").stance > 0.0);
}

#[test]
fn a_change_takes_its_tone_from_the_quantity_that_changes() {
    // the same change word, good or bad news by what changes
    let sales = sc("Sales dropped 4 percent in the quarter");
    let costs = sc("Fares dropped 4 percent in the quarter");
    assert!(sales.stance < 0.0, "{}", sales.stance);
    assert!(costs.stance > 0.0, "{}", costs.stance);
    assert!(has_step(&costs, "change of"));
    // the quantity after its change, and a comparative right before it
    assert!(sc("The plan would cut waiting times").stance > 0.0);
    assert!(sc("The plan would cut jobs").stance < 0.0);
    assert!(sc("We expect fewer deaths this winter").stance > 0.0);
    assert!(sc("We expect more deaths this winter").stance < 0.0);
    // a change word's own cue gives way: "plunged" alone is bad news
    assert!(sc("Shares plunged").stance < 0.0);
    assert!(sc("Borrowing costs plunged").stance > 0.0);
    // a change in another clause is not tied ("exports grew" is not a
    // change of "losses")
    let split = sc("Losses were heavy, but exports grew");
    assert!(
        !split
            .hits
            .iter()
            .any(|h| h.text == "grew" && h.steps.iter().any(|s| s.contains("\"losses\""))),
        "{:?}",
        split.hits
    );
    // plain phrasal "up" is no change
    assert!(!has_step(
        &sc("They set up a fund to cover costs"),
        "change of"
    ));
    // negation still applies to the change
    assert!(sc("Sales did not fall").stance > sc("Sales fell").stance);
}

#[test]
fn trouble_that_is_come_through_is_overcome() {
    // the same trouble, named as a threat or as what is withstood
    let threat = sc("The bank faces a severe recession");
    let withstood = sc("The bank could withstand a severe recession");
    assert!(threat.stance < 0.0, "{}", threat.stance);
    assert!(withstood.stance > 0.0, "{:?}", withstood.hits);
    assert!(has_step(&withstood, "overcome"));
    // not when the coming through is negated, or itself doubted
    assert!(!has_step(
        &sc("They could not cope with the severe recession"),
        "overcome"
    ));
    assert!(!has_step(
        &sc("It will take years to recover from the damage"),
        "overcome"
    ));
    // only in its clause
    assert!(!has_step(
        &sc("They survived, but a severe recession looms"),
        "overcome"
    ));
    // trouble prevented, contained or averted is dealt with too
    for s in [
        "The new walls will reduce the risk of flooding in the valley",
        "The vaccination drive should contain the outbreak",
        "The country narrowly avoided a recession",
    ] {
        let got = sc(s);
        assert!(
            got.stance > 0.0 && has_step(&got, "overcome"),
            "{s}: {:?}",
            got.hits
        );
    }
    assert!(!has_step(
        &sc("They failed to contain the outbreak"),
        "overcome"
    ));
}

#[test]
fn a_negated_belief_negates_what_it_believes() {
    let believed = sc("I think the talks will succeed");
    let doubted = sc("I don't think the talks will succeed");
    assert!(believed.stance > 0.0);
    assert!(doubted.stance < 0.0, "{:?}", doubted.hits);
    assert!(has_step(&doubted, "under"));
    // a negated belief in trouble is weak hope
    assert!(sc("I do not believe this plan will fail").stance > 0.0);
    // a negated wish too: what nobody wants is not expected
    assert!(sc("Nobody wants the strike to drag on").stance > 0.0);
    // only in its clause, and only for the cues after the verb
    assert!(!has_step(
        &sc("Nobody thinks so, but the talks will succeed"),
        "under"
    ));
}

#[test]
fn news_phrasings_of_good_and_bad_news_are_read() {
    // figures said the short way, and levels
    assert_eq!(
        sc("Bookings were already down by a quarter").label(),
        Label::Cautious
    );
    assert_eq!(sc("Sales were up 4% in 2004").label(), Label::Optimistic);
    assert_eq!(sc("Arrears remained very low").label(), Label::Optimistic);
    assert_eq!(
        sc("Inflation remained stubbornly high").label(),
        Label::Cautious
    );
    // a phrase swallowing its cue word turns the reading round
    assert!(sc("The company cleared a key hurdle").stance > 0.0);
    assert!(sc("The statement allayed fears among staff").stance > 0.0);
    assert!(sc("I have never been prouder of them").stance > 0.0);
    assert!(sc("No lives were lost").stance > 0.0);
    // idioms with no single tone word
    assert_eq!(sc("It is too early to say").label(), Label::Cautious);
    assert_eq!(sc("We are making headway").label(), Label::Optimistic);
    assert_eq!(
        sc("The plan is falling into place").label(),
        Label::Optimistic
    );
    assert_eq!(
        sc("Last spring turned out to be a false dawn").label(),
        Label::Cautious
    );
    // a longer idiom of the other side wins over the short one inside it
    assert_eq!(
        sc("The tide has turned against the government").label(),
        Label::Cautious
    );
    // a negator before the figure still flips it
    assert!(sc("There is no sign of a slowdown").stance > 0.0);
}

#[test]
fn no_reaches_over_its_noun_to_the_verb() {
    // "no" + noun + auxiliaries + cue: the cue is negated
    let s = sc("No records had been destroyed");
    assert!(s.stance > 0.0, "{:?}", s.hits);
    assert!(has_step(&s, "negated by \"no\""));
    assert!(sc("Records had been destroyed").stance < 0.0);
    // not without an auxiliary, nor over a long phrase
    assert!(!has_step(&sc("No wonder prices collapsed"), "negated"));
    assert!(!has_step(
        &sc("No member of the old board had been sacked"),
        "negated"
    ));
}

#[test]
fn less_of_a_thing_turns_its_cue_round() {
    assert!(sc("It will be less difficult this year").stance > 0.0);
    assert!(sc("There are fewer problems at the port").stance > 0.0);
    assert!(sc("Investors are less confident").stance < 0.0);
    // "more" before a cue stays an intensifier
    let more = sc("The recovery is more fragile");
    assert!(more.stance < sc("The recovery is fragile").stance);
}

/// Rule 18: the statement a toned reporting verb introduces takes its tone.
fn statement_score(text: &str, content: &str) -> Score {
    let lx = Lexicons::built_in().unwrap();
    let a = stance::analyze::analyze(text, &lx);
    a.statements
        .iter()
        .find(|s| a.doc.slice(s.content) == content)
        .unwrap_or_else(|| panic!("no statement {content:?}"))
        .score
        .clone()
}

#[test]
fn a_reporting_verb_frames_what_it_reports() {
    // the same plain words: told, warned, conceded, hailed
    let said = statement_score(
        "Health Minister Anna Berg said the ward would reopen only in June.",
        "the ward would reopen only in June",
    );
    let warned = statement_score(
        "Health Minister Anna Berg warned the ward would reopen only in June.",
        "the ward would reopen only in June",
    );
    let conceded = statement_score(
        "Health Minister Anna Berg conceded that the ward would reopen only in June.",
        "the ward would reopen only in June",
    );
    assert!(
        warned.stance < said.stance,
        "{} {}",
        warned.stance,
        said.stance
    );
    assert_eq!(warned.label(), Label::Cautious);
    assert!(has_step(&warned, "18 frame"));
    assert!(conceded.stance < said.stance);
    assert!(!has_step(&said, "18 frame"));
    let hailed = statement_score(
        "The union hailed the agreement as a fresh start.",
        "the agreement as a fresh start",
    );
    assert!(hailed.optimism > 0.0 && has_step(&hailed, "18 frame"));
    // a participle reporting verb frames its clause too
    let warning = statement_score(
        "The council closed the bridge on Monday, warning that repairs would take until spring.",
        "repairs would take until spring",
    );
    assert!(warning.stance < 0.0 && has_step(&warning, "18 frame"));
}

/// Steps S1-S4: the sentiment of informal and online text.
fn sentiment_of(s: &str) -> f32 {
    sc(s).sentiment
}

#[test]
fn emoticons_and_emoji_carry_sentiment() {
    // S1: alone between spaces, with sentence punctuation after, or an emoji anywhere
    assert!(sentiment_of("Home at last :)") > 0.0);
    assert!(sentiment_of("Home at last :-(") < 0.0);
    assert!(sentiment_of("Back at work tomorrow :(!") < 0.0);
    assert!(sentiment_of("Lunch with the team 😀😀") > sentiment_of("Lunch with the team 😀"));
    assert!(sentiment_of("Lunch with the team 😀") > 0.0);
    // a colon and a bracket in prose are no emoticon
    assert_eq!(sentiment_of("The agenda: (a) budget, (b) staffing."), 0.0);
    assert_eq!(sentiment_of("ok:) fine"), sentiment_of("ok fine"));
}

#[test]
fn shouting_and_exclamations_strengthen_sentiment() {
    // S2: a word in capitals among lower-case words
    assert!(
        sentiment_of("The show was GREAT tonight") > sentiment_of("The show was great tonight")
    );
    assert!(
        sentiment_of("The food was AWFUL tonight") < sentiment_of("The food was awful tonight")
    );
    // not when everything is in capitals (a headline), nor for "I"
    assert_eq!(
        sentiment_of("THE SHOW WAS GREAT TONIGHT"),
        sentiment_of("the show was great tonight")
    );
    // S3: up to four marks, in the direction of the sum, and none on a neutral sentence
    let one = sentiment_of("The show was great!");
    let three = sentiment_of("The show was great!!!");
    assert!(three > one && one > sentiment_of("The show was great."));
    assert_eq!(
        sentiment_of("The show was great!!!!!!!!"),
        sentiment_of("The show was great!!!!")
    );
    assert!(sentiment_of("The food was awful!!!") < sentiment_of("The food was awful."));
    assert_eq!(sentiment_of("The train leaves at six!!!"), 0.0);
}

#[test]
fn elongated_words_links_and_mentions() {
    // S4: a stretched spelling is read as the word
    assert!(sentiment_of("This is goooood") > 0.0);
    assert_eq!(sentiment_of("yayyyyy"), sentiment_of("yay"));
    // a user name or a link is no word of the sentence: the capital after
    // it still opens the sentence, so "Happy" is no name
    assert!(sentiment_of("@anna_k Happy birthday") > 0.0);
    assert!(sentiment_of("https://example.org/a_b Awesome song") > 0.0);
    // inside a sentence a capitalised word is still a name without tone
    assert_eq!(
        sentiment_of("She joined Happy Valley Ltd"),
        sentiment_of("She joined Valley Ltd")
    );
}

#[test]
fn explain_shows_the_informal_steps() {
    let s = sc("The show was GREAT!!! :)");
    assert!(has_step(&s, "S2 caps"), "{:?}", s.hits);
    assert!(has_step(&s, "S3 exclaim"), "{:?}", s.hits);
    assert!(
        s.hits
            .iter()
            .any(|h| h.text == ":)" && h.steps[0].contains("S1 emoticon"))
    );
    // an emoticon closing a quotation still counts
    let lx = Lexicons::built_in().unwrap();
    let a = stance::analyze::analyze("Anna said: \"The show was fine :(\"", &lx);
    assert!(a.statements[0].score.sentiment < 0.0);
}

#[test]
fn a_bare_denial_leans_cautious() {
    // no cue but the negator: a refusal or something missing
    let denial = sc("We would not put that figure in the plan yet");
    assert_eq!(denial.label(), Label::Cautious, "{denial:?}");
    assert!(has_step(&denial, "denial"));
    // the same words without the negator carry no tone at all
    assert_eq!(
        sc("We would put that figure in the plan").label(),
        Label::Neutral
    );
    // any negator, not only "not": "no", "nobody", "no longer"
    for s in [
        "There is no bus on Sundays",
        "Nobody came to the meeting",
        "The clinic no longer takes patients",
    ] {
        assert!(has_step(&sc(s), "denial"), "{s}");
    }
    // a negated cue is read by negation, not as a bare denial
    let negated = sc("The outlook is not bleak");
    assert!(negated.stance > 0.0 && !has_step(&negated, "denial"));
}

#[test]
fn rather_than_denies_what_follows() {
    // "rather than" is a negator in modifiers.txt: the thing not chosen
    // carries no hope ("correct rather than warm" is a cool meeting)
    let plain = sc("The meeting was warm");
    let denied = sc("The meeting was correct rather than warm");
    assert!(
        plain.stance > 0.0 && denied.stance < 0.0,
        "{} {}",
        plain.stance,
        denied.stance
    );
}

#[test]
fn trouble_remedied_in_the_passive_is_overcome() {
    // rule 16, passive: the trouble is the subject of its remedy
    let done = sc("The shortage of nurses was resolved");
    assert_eq!(done.label(), Label::Optimistic, "{:?}", done.hits);
    assert!(has_step(&done, "overcome (passive)"));
    assert!(sc("The backlog of ships would be cleared within weeks").stance > 0.0);
    // not when the remedy is negated or still to come
    assert!(sc("The shortage was not resolved").stance < 0.0);
    let pending = sc("Flights stay grounded until the fault is fixed");
    assert!(!has_step(&pending, "overcome (passive)"));
    // the same remedy words read forwards
    assert!(has_step(&sc("They dealt with the crisis"), "overcome by"));
}

#[test]
fn trouble_ended_found_or_compared_reads_as_news_of_its_end() {
    // "not a single": the negation reaches over "single"
    assert!(sc("There was not a single violation").stance > 0.0);
    // the passive of trouble ended or undone
    assert_eq!(sc("The drought is over").label(), Label::Optimistic);
    assert_eq!(
        sc("The missing climbers were found alive").label(),
        Label::Optimistic
    );
    // an entry holding the remedy word is not remedied by itself
    assert!(sc("Reading scores had dropped again").stance < 0.0);
}

#[test]
fn a_nouns_complement_ends_at_the_verb() {
    // rule 14: "shortage of nurses" is no doubt about what the clause's verb says
    let easing = sc("The shortage of nurses is easing as trainees qualify");
    assert!(!has_step(&easing, "doubted"), "{:?}", easing.hits);
    // an attitude's complement still is: hope in it is what is doubted
    assert!(has_step(
        &sc("We are not hopeful of a breakthrough"),
        "doubted"
    ));
}

#[test]
fn the_thing_compared_with_a_fear_is_judged_by_the_comparison() {
    // rule 8: "losses" is what was feared, and it came in smaller
    assert_eq!(
        sc("The losses were smaller than analysts had feared").label(),
        Label::Optimistic
    );
    assert_eq!(
        sc("The losses were bigger than feared").label(),
        Label::Cautious
    );
    // a cue without its verb before "than" keeps its own tone
    assert_eq!(
        sc("The rise was painful but smaller than many had feared").label(),
        Label::Mixed
    );
}

#[test]
fn a_caution_entry_ending_in_its_complement_word_doubts_what_follows() {
    // rule 14: "little sign of" holds its own "of"; the breakthrough is doubted
    let s = sc("There is little sign of a breakthrough");
    assert!(has_step(&s, "doubted"), "{:?}", s.hits);
    assert_eq!(s.label(), Label::Cautious);
    assert!(has_step(&sc("It is too early to celebrate"), "doubted"));
}

#[test]
fn a_good_thing_that_fails_is_no_hope() {
    // rule 20: the optimism cue is the subject of the caution cue
    for s in [
        "Hope is fading for the missing sailors",
        "The recovery has stalled",
        "Support for the scheme has dried up",
    ] {
        let x = sc(s);
        assert!(has_step(&x, "failing"), "{s}: {:?}", x.hits);
        assert_eq!(x.label(), Label::Cautious, "{s}");
    }
    // a negator before the caution cue is no auxiliary: hope survives
    let x = sc("Hope is not lost");
    assert!(!has_step(&x, "failing"), "{:?}", x.hits);
    assert_eq!(x.label(), Label::Optimistic);
}

#[test]
fn at_last_is_relief() {
    assert_eq!(
        sc("At last the ferry is running").label(),
        Label::Optimistic
    );
}
