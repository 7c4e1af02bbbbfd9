//! Who said what: one small article per trap, each asserting the speaker,
//! the words and the kind. Written for this project.

use stance::analyze::analyze;
use stance::lexicons::Lexicons;

fn statements(text: &str) -> Vec<(String, String, String)> {
    let lx = Lexicons::built_in().unwrap();
    let a = analyze(text, &lx);
    a.statements
        .iter()
        .map(|s| {
            (
                s.speaker.clone(),
                a.doc.slice(s.content).to_string(),
                s.kind.as_str().to_string(),
            )
        })
        .collect()
}

fn has(st: &[(String, String, String)], speaker: &str, content: &str, kind: &str) -> bool {
    st.iter()
        .any(|(s, c, k)| s == speaker && c == content && k == kind)
}

macro_rules! assert_has {
    ($st:expr, $speaker:expr, $content:expr, $kind:expr) => {
        assert!(
            has(&$st, $speaker, $content, $kind),
            "missing ({}, {:?}, {}) in {:#?}",
            $speaker,
            $content,
            $kind,
            $st
        )
    };
}

#[test]
fn quote_before_attribution_and_inverted() {
    let st = statements(
        "\"We are close,\" Finance Minister Anna Kowal said.\n\"It is done,\" said Piotr Nowak, the head of the union.",
    );
    assert_has!(st, "Anna Kowal", "We are close,", "direct");
    assert_has!(st, "Piotr Nowak", "It is done,", "direct");
}

#[test]
fn colon_and_split_and_mid_sentence_attribution() {
    let st = statements(
        "Anna Kowal said: “The deal is fair.”\n“We waited,” she said. “Now we act.”\n“The deal,” he said, “is close.”",
    );
    assert_has!(st, "Anna Kowal", "The deal is fair.", "direct");
    assert_has!(st, "Anna Kowal", "We waited,", "direct");
    assert_has!(st, "Anna Kowal", "Now we act.", "direct");
    assert_eq!(st.len(), 5, "{st:#?}");
}

#[test]
fn reported_speech_and_coordination_give_two_statements() {
    let st = statements(
        "Mayor Lena Holt said the bridge would reopen soon but warned that repairs could take years.",
    );
    assert_has!(st, "Lena Holt", "the bridge would reopen soon", "indirect");
    assert_has!(st, "Lena Holt", "repairs could take years", "indirect");
    let st = statements("The council said rents would rise and that fees would fall.");
    assert_eq!(st.len(), 2, "{st:#?}");
}

#[test]
fn participle_clause_and_platform() {
    let st = statements(
        "Senator Dario Ruiz was more reserved, posting on X that the vote was “a mistake” and adding that he would appeal.",
    );
    assert_has!(st, "Dario Ruiz", "the vote was “a mistake”", "mixed");
    assert_has!(st, "Dario Ruiz", "he would appeal", "indirect");
    assert!(st.iter().all(|(s, _, _)| s != "X"));
}

#[test]
fn according_to_before_and_after() {
    let st = statements(
        "Exports fell by a third, according to the Statistics Office.\nAccording to two people familiar with the matter, the merger is off.",
    );
    assert_has!(
        st,
        "Statistics Office",
        "Exports fell by a third",
        "indirect"
    );
    assert_has!(
        st,
        "two people familiar with the matter",
        "the merger is off",
        "indirect"
    );
}

#[test]
fn pronouns_and_descriptions_resolve() {
    let text = "Prime Minister Ola Berg arrived late. He said the talks had stalled.\n\
                Trade Minister Kari Lund, 49, was calmer.\n\
                “There is time,” the minister said.\n\
                “We can still win this,” the 49-year-old added.";
    let st = statements(text);
    assert_has!(st, "Ola Berg", "the talks had stalled", "indirect");
    assert_has!(st, "Kari Lund", "There is time,", "direct");
    assert_has!(st, "Kari Lund", "We can still win this,", "direct");
}

#[test]
fn aliases_merge_to_the_longest_name() {
    let st = statements(
        "Van der Berg said prices were stable.\nJoost van der Berg later told reporters that rates would hold.",
    );
    assert!(
        st.iter().all(|(s, _, _)| s == "Joost van der Berg"),
        "{st:#?}"
    );
}

#[test]
fn names_with_particles_hyphens_apostrophes_diacritics() {
    let st = statements(
        "“Fine,” said Huda al-Rashid.\n“Good,” said Anne-Marie Dupont.\n“Great,” said Seán O'Neill.\n“Yes,” said Zofia Wróblewska.",
    );
    for name in [
        "Huda al-Rashid",
        "Anne-Marie Dupont",
        "Seán O'Neill",
        "Zofia Wróblewska",
    ] {
        assert!(
            st.iter().any(|(s, _, _)| s == name),
            "{name} missing: {st:#?}"
        );
    }
}

#[test]
fn organisations_and_anonymous_sources() {
    let st = statements(
        "The Kremlin said the proposal was unacceptable.\n\
         Acme Corp said profits would rise.\n\
         A senior official, who spoke on condition of anonymity, said the deal was dead.\n\
         Analysts said the decision was expected.",
    );
    assert_has!(st, "Kremlin", "the proposal was unacceptable", "indirect");
    assert_has!(st, "Acme Corp", "profits would rise", "indirect");
    assert_has!(st, "a senior official", "the deal was dead", "indirect");
    assert_has!(st, "analysts", "the decision was expected", "indirect");
}

#[test]
fn narration_meetings_and_refusals_are_not_statements() {
    let st = statements(
        "Anna Kowal was more reserved.\nWitkoff has spoken with Kowal and Nowak.\nHe will brief the cabinet.\n\
         Nowak declined to comment on the decision.\nThe ministers agreed on Monday to extend the truce.",
    );
    assert!(st.is_empty(), "{st:#?}");
}

#[test]
fn speech_inside_a_quote_stays_with_the_quoting_speaker() {
    let st = statements("“The Russians have said no three times,” Emil Strand said.");
    assert_eq!(st.len(), 1);
    assert_has!(
        st,
        "Emil Strand",
        "The Russians have said no three times,",
        "direct"
    );
}

#[test]
fn outlet_is_not_the_speaker() {
    let st = statements("Mayor Lena Holt told The Times that the plan was dead.");
    assert_has!(st, "Lena Holt", "the plan was dead", "indirect");
}

#[test]
fn quote_over_two_paragraphs_takes_the_later_attribution() {
    let st = statements(
        "Rita Moss was angry.\n“We were promised a road.\n“We got nothing,” the 61-year-old said.",
    );
    assert_has!(st, "Rita Moss", "We were promised a road.", "direct");
    assert_has!(st, "Rita Moss", "We got nothing,", "direct");
}

#[test]
fn british_single_quotes_with_apostrophes() {
    let st =
        statements("'We've done it, and the Rovers' fans know it,' said manager Sean O'Neill.");
    assert_has!(
        st,
        "Sean O'Neill",
        "We've done it, and the Rovers' fans know it,",
        "direct"
    );
}

#[test]
fn unbalanced_quote_does_not_swallow_the_article() {
    let st = statements(
        "The 12\" model sold out, and \"stock is low.\nAnalysts said supply would recover.",
    );
    assert_has!(st, "analysts", "supply would recover", "indirect");
}

fn mentions(text: &str) -> Vec<(String, String, String)> {
    let lx = Lexicons::built_in().unwrap();
    let a = analyze(text, &lx);
    a.statements
        .iter()
        .map(|s| {
            (
                s.speaker.clone(),
                s.mention.clone(),
                a.doc.slice(s.content).to_string(),
            )
        })
        .collect()
}

#[test]
fn mention_keeps_the_appositive_as_written() {
    let m = mentions(
        "“The bridge is safe,” said Rep. Dana Orvik (D-N.M.), head of the transport panel. “We checked it twice.”\n\
         Lena Brack, a lawyer for the tenants who sued the city, said the ruling was fair.\n\
         Sen. Tomas Reyl (R-Ore.) said the vote would wait.\n\
         “It will pass,” said Ines Molnar, a retired judge, adding that she had read it.\n\
         Rep. Olaf Berent (R-Ohio), a member of the panel, said the money was gone.",
    );
    let find = |c: &str| {
        m.iter()
            .find(|x| x.2 == c)
            .unwrap_or_else(|| panic!("{c:?} not in {m:#?}"))
    };
    let x = find("The bridge is safe,");
    assert_eq!(
        (x.0.as_str(), x.1.as_str()),
        (
            "Dana Orvik",
            "Rep. Dana Orvik (D-N.M.), head of the transport panel"
        )
    );
    assert_eq!(find("We checked it twice.").0, "Dana Orvik");
    assert_eq!(
        find("the ruling was fair").1,
        "Lena Brack, a lawyer for the tenants who sued the city"
    );
    assert_eq!(find("the vote would wait").1, "Sen. Tomas Reyl (R-Ore.)");
    assert_eq!(find("It will pass,").1, "Ines Molnar, a retired judge");
    let lx = mentions("Mayor Ana Lind, at a later press conference, said the road would open.");
    assert_eq!(lx[0].1, "Mayor Ana Lind", "{lx:#?}");
    let x = find("the money was gone");
    assert_eq!(
        (x.0.as_str(), x.1.as_str()),
        (
            "Olaf Berent",
            "Rep. Olaf Berent (R-Ohio), a member of the panel"
        )
    );
}

#[test]
fn quotation_signed_with_a_dash() {
    let st = statements(
        "Readers wrote in after the debate.\n\
         “The schools in my town are failing. Nobody talks about it.” ― Marta Quinlan\n\
         “I will vote for the first time this year.”― Joel Ferrante.\n\
         “Promises, promises.” — a sentiment many shared.",
    );
    assert_has!(
        st,
        "Marta Quinlan",
        "The schools in my town are failing. Nobody talks about it.",
        "direct"
    );
    assert_has!(
        st,
        "Joel Ferrante",
        "I will vote for the first time this year.",
        "direct"
    );
    assert_eq!(st.len(), 2, "{st:#?}");
}

#[test]
fn asked_and_continued_only_next_to_a_quotation() {
    let st = statements(
        "“Who will pay for the new bridge?” Senator Hana Petrov asked.\n\
         “Nobody has told us,” she continued. “Not once.”\n\
         The mayor asked the council to wait. The talks continued into the night.\n\
         Then Petrov continued: “We will find out.”",
    );
    assert_has!(
        st,
        "Hana Petrov",
        "Who will pay for the new bridge?",
        "direct"
    );
    assert_has!(st, "Hana Petrov", "Nobody has told us,", "direct");
    assert_has!(st, "Hana Petrov", "Not once.", "direct");
    assert_has!(st, "Hana Petrov", "We will find out.", "direct");
    assert_eq!(st.len(), 4, "{st:#?}");
}

#[test]
fn split_quote_going_on_with_but() {
    let st = statements("“I like the plan,” Jonas Ekberg said, but “the money is not there yet.”");
    assert_has!(st, "Jonas Ekberg", "I like the plan,", "direct");
    assert_has!(st, "Jonas Ekberg", "the money is not there yet.", "direct");
}

#[test]
fn a_quoted_label_is_a_statement() {
    let st = statements(
        "Senator Mara Olsen called the tax plan “a gift to the few.”\n\
         Olsen branded the governor a “coward” on Tuesday.\n\
         The mayor called the police. Rebels attacked the convoy near the border.\n\
         Olsen called for a vote next week.",
    );
    assert_has!(
        st,
        "Mara Olsen",
        "the tax plan “a gift to the few.”",
        "mixed"
    );
    assert_has!(
        st,
        "Mara Olsen",
        "the governor a “coward” on Tuesday",
        "mixed"
    );
    assert_eq!(st.len(), 2, "{st:#?}");
}

#[test]
fn attribution_between_an_intro_and_the_clause() {
    let st = statements(
        "During her four years in office, Mayor Ilse Varga said, the city has cut its debt by half.\n\
         In an interview on the radio show “Morning Call,” Tomas Brenner said the port would reopen in May.",
    );
    assert_has!(
        st,
        "Ilse Varga",
        "the city has cut its debt by half",
        "indirect"
    );
    assert_has!(
        st,
        "Tomas Brenner",
        "the port would reopen in May",
        "indirect"
    );
    assert_eq!(st.len(), 2, "{st:#?}");
}

#[test]
fn saying_with_a_partial_quote_and_no_that() {
    let st = statements(
        "Several tenant groups backed the landlord, saying his offer was “fair to everyone.”\n\
         The council was criticised for saying that the rents were “within reason.”",
    );
    assert_has!(
        st,
        "several tenant groups",
        "his offer was “fair to everyone.”",
        "mixed"
    );
    assert_has!(st, "council", "the rents were “within reason.”", "mixed");
}

#[test]
fn reported_and_reads_only_with_that_a_colon_or_a_quotation() {
    let st = statements(
        "The Harbour Gazette reported that the mayor “never read the contract.”\n\
         The petition reads: “Keep our library open.”\n\
         Veltan Steel reported a loss of $4 million for the year.",
    );
    assert_has!(
        st,
        "Harbour Gazette",
        "the mayor “never read the contract.”",
        "mixed"
    );
    assert_has!(st, "petition", "Keep our library open.", "direct");
    assert_eq!(st.len(), 2, "{st:#?}");
}

#[test]
fn attribution_with_a_colon_before_a_quotation_paragraph() {
    let st = statements(
        "The minister spoke to farmers on Monday.\n\n\
         Minister Rosa Dahl said:\n\n\
         “We will keep the subsidy for two more years.”\n\n\
         Dahl continued:\n\n\
         “Nobody will be left behind.”\n\n\
         Said Piet Mols: “The farmers need more than that.”",
    );
    assert_has!(
        st,
        "Rosa Dahl",
        "We will keep the subsidy for two more years.",
        "direct"
    );
    assert_has!(st, "Rosa Dahl", "Nobody will be left behind.", "direct");
    assert_has!(
        st,
        "Piet Mols",
        "The farmers need more than that.",
        "direct"
    );
    assert_eq!(st.len(), 3, "{st:#?}");
}

#[test]
fn a_dateline_is_not_the_speaker() {
    let st = statements(
        "Floods close schools\n\
         KELDAR CITY, Ostmark - Emergency officials in Ostmark warned on Friday that the river would keep rising.\n\
         HALVERN (Wirepress) — The port authority said the harbour would reopen on Monday.",
    );
    assert_has!(
        st,
        "Emergency officials in Ostmark",
        "the river would keep rising",
        "indirect"
    );
    assert_has!(
        st,
        "port authority",
        "the harbour would reopen on Monday",
        "indirect"
    );
    assert!(
        st.iter()
            .all(|(s, _, _)| !s.contains("KELDAR") && !s.contains("HALVERN")),
        "{st:#?}"
    );
}

#[test]
fn an_irregular_past_ends_the_subject() {
    let st = statements(
        "The Ostmark Shipping Company held its prices steady on Monday and said demand was recovering.",
    );
    assert_has!(
        st,
        "Ostmark Shipping Company",
        "demand was recovering",
        "indirect"
    );
}

#[test]
fn a_group_at_an_organisation_is_anonymous() {
    let st = statements(
        "Analysts at Corvane Bank said growth would slow. Supporters of the mayor said he would win.",
    );
    assert_has!(
        st,
        "analysts at Corvane Bank",
        "growth would slow",
        "indirect"
    );
    assert_has!(st, "supporters of the mayor", "he would win", "indirect");
}

#[test]
fn a_described_company_is_named_by_its_name() {
    let st = statements(
        "Social media company Brisko said it would cut 4,000 jobs. The ride-hailing firm Zappa said it was hiring.",
    );
    assert_has!(st, "Brisko", "it would cut 4,000 jobs", "indirect");
    assert_has!(st, "Zappa", "it was hiring", "indirect");
}

#[test]
fn the_company_points_back_to_a_name_read_as_a_person() {
    let st = statements(
        "Pellwater said the advice applied to six postcodes.\n\
         The Fire Service said crews had rescued 14 people.\n\
         Ostgrid said 38,000 homes were without power.\n\
         The utility said power would be back by Monday.\n\
         The company said it was sorry.",
    );
    assert_has!(st, "Ostgrid", "power would be back by Monday", "indirect");
    assert_has!(st, "Ostgrid", "it was sorry", "indirect");
}

#[test]
fn a_candidate_is_a_title() {
    let st = statements(
        "Opposition candidate Ilsa Vargen told supporters she was confident of victory.",
    );
    assert_has!(
        st,
        "Ilsa Vargen",
        "she was confident of victory",
        "indirect"
    );
}

#[test]
fn a_reporting_noun_after_a_determiner_is_no_cue() {
    let st = statements(
        "The bank cut its growth forecast to 0.6 percent and said the weak krona would keep prices high.",
    );
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_has!(
        st,
        "bank",
        "the weak krona would keep prices high",
        "indirect"
    );
}

#[test]
fn a_role_nobody_holds_is_a_new_speaker() {
    let st = statements(
        "Mayor Tom Rell lost his seat to Sophie Marsden.\n\
         The returning officer said turnout was 38 percent.\n\
         The monitors said voting had been orderly.",
    );
    assert_has!(
        st,
        "returning officer",
        "turnout was 38 percent",
        "indirect"
    );
    assert_has!(st, "monitors", "voting had been orderly", "indirect");
}

#[test]
fn an_aide_to_someone_is_not_that_someone() {
    let st = statements(
        "Ilse Varn spoke first. A campaign aide to Varn said the challenge could delay the result.",
    );
    assert_has!(
        st,
        "a campaign aide to Varn",
        "the challenge could delay the result",
        "indirect"
    );
}

#[test]
fn an_unlisted_role_before_a_full_name_is_a_title() {
    let st = statements(
        "Music critic Elna Vasse said the hall was superb. Electronics chain Voltara said December was its best month.",
    );
    assert_has!(st, "Elna Vasse", "the hall was superb", "indirect");
    assert_has!(st, "Voltara", "December was its best month", "indirect");
}

#[test]
fn a_reported_clause_ends_where_another_speaker_quotes() {
    let st = statements(
        "When Halvorsen noted that the mill had not paid its taxes for years, Brekke boasted, “That makes us efficient.”\n\
         The letter also mentioned the savings the council said the merger would bring: “We will spend less on offices,” the mayor wrote.",
    );
    assert_has!(st, "Brekke", "That makes us efficient.", "direct");
    assert_has!(st, "mayor", "We will spend less on offices,", "direct");
}

#[test]
fn progressive_and_perfect_reporting_verbs() {
    let st = statements(
        "Mayor Ellen Voss is telling residents that the bridge will reopen in May.\n\
         She’s claiming that the audit was “politically motivated.”\n\
         Councillor Dan Roe has been saying the budget is “a fantasy.”\n\
         It is telling that nobody from the council came.",
    );
    assert_has!(
        st,
        "Ellen Voss",
        "the bridge will reopen in May",
        "indirect"
    );
    assert_has!(
        st,
        "Ellen Voss",
        "the audit was “politically motivated.”",
        "mixed"
    );
    assert_has!(st, "Dan Roe", "the budget is “a fantasy.”", "mixed");
    assert_eq!(st.len(), 3, "{st:#?}");
}

#[test]
fn more_reporting_cues_and_quoted_labels() {
    let st = statements(
        "At the hearing, a neighbour commented: “The noise never stops.”\n\
         The tribunal ruled that the permit was “unlawful from the start.”\n\
         Greta Lind made the following statement:\n\
         “We will appeal.”\n\
         Opponents call the plan “a giveaway” and describe the permit as a mistake.\n\
         Okafor characterized Gov. Ben Hale, R-Ohio, as “out of touch.”\n\
         PolicyCheck rated 40% of the mayor's claims as “misleading.”\n\
         Another critic likened the permit to “a blank cheque” - a charge the council rejects.",
    );
    assert_has!(st, "a neighbour", "The noise never stops.", "direct");
    assert_has!(
        st,
        "tribunal",
        "the permit was “unlawful from the start.”",
        "mixed"
    );
    assert_has!(st, "Greta Lind", "We will appeal.", "direct");
    assert_has!(st, "opponents", "the plan “a giveaway”", "mixed");
    assert_has!(
        st,
        "Okafor",
        "Gov. Ben Hale, R-Ohio, as “out of touch.”",
        "mixed"
    );
    assert_has!(
        st,
        "PolicyCheck",
        "40% of the mayor's claims as “misleading.”",
        "mixed"
    );
    assert_has!(
        st,
        "another critic",
        "the permit to “a blank cheque”",
        "mixed"
    );
}

#[test]
fn participles_tweeting_chanting_going_on_to_say() {
    let st = statements(
        "Pia Holm mocked the rally, tweeting, “Empty chairs everywhere.”\n\
         Students marched past the town hall while chanting, “Open the library.”\n\
         “We are not done,” Holm said, going on to say that the vote would be “a turning point.”",
    );
    assert_has!(st, "Pia Holm", "Empty chairs everywhere.", "direct");
    assert_has!(st, "students", "Open the library.", "direct");
    assert_has!(
        st,
        "Pia Holm",
        "the vote would be “a turning point.”",
        "mixed"
    );
}

#[test]
fn legislative_titles_and_abbreviations() {
    let st = statements(
        "“This is a waste of time,” said Del. Rosa Quintal of the Virgin Islands.\n\
         Guillermo del Campo said the hearing was over.\n\
         Gov. Ben Hale said the budget would pass.",
    );
    assert_has!(st, "Rosa Quintal", "This is a waste of time,", "direct");
    assert_has!(
        st,
        "Guillermo del Campo",
        "the hearing was over",
        "indirect"
    );
    assert_has!(st, "Ben Hale", "the budget would pass", "indirect");
}

#[test]
fn a_statement_put_out_reports_its_subject_and_nouns_after_prepositions_are_no_cues() {
    let st = statements(
        "The league issued a statement calling the ruling “a dark day for the sport.”\n\
         Marta Ilves fired off a series of tweets overnight saying that the vote was “rigged.”\n\
         Dana Roos answered questions about the claims of fraud for an hour.\n\
         Roos, a former judge, began by saying she would “never” resign.",
    );
    assert_has!(
        st,
        "league",
        "the ruling “a dark day for the sport.”",
        "mixed"
    );
    assert_has!(st, "Marta Ilves", "the vote was “rigged.”", "mixed");
    assert_has!(st, "Dana Roos", "she would “never” resign", "mixed");
    assert_eq!(st.len(), 3, "{st:#?}");
}

#[test]
fn inverted_report_adjunct_after_quote_only_verb_and_adverbs_before_the_verb() {
    let st = statements(
        "“The count is wrong,” reported the Sentinel.\n\
         “Stop the car!” Ines Moll yells while running after it.\n\
         In July, Halvorsen cynically dismissed the audit as “a witch hunt.”\n\
         After a swiftly called “emergency” meeting, the board adjourned.",
    );
    assert_has!(st, "Sentinel", "The count is wrong,", "direct");
    assert_has!(st, "Ines Moll", "Stop the car!", "direct");
    assert_has!(st, "Halvorsen", "the audit as “a witch hunt.”", "mixed");
    assert_eq!(st.len(), 3, "{st:#?}");
}

#[test]
fn a_relative_clause_on_the_organisation_is_not_in_the_mention() {
    let lx = Lexicons::built_in().unwrap();
    let a = analyze(
        "Mara Lind, president of the Teachers Union, which represents 4,000 teachers, said the strike would go ahead.",
        &lx,
    );
    assert_eq!(a.statements.len(), 1);
    assert_eq!(
        a.statements[0].mention,
        "Mara Lind, president of the Teachers Union"
    );
}

#[test]
fn transcript_turns_name_their_speaker() {
    let st = statements(
        "Lena Brandt spoke to Governor Tomas Eklund.\n\
         \"BRANDT: Will you sign the bill?\n\
         \"EKLUND: Not this week. We need more time.\n\
         \"We will look at it again in spring.\n\
         \"BRANDT: Thank you, Governor.",
    );
    assert_has!(st, "Lena Brandt", "Will you sign the bill?", "direct");
    assert_has!(
        st,
        "Tomas Eklund",
        "Not this week. We need more time.",
        "direct"
    );
    assert_has!(
        st,
        "Tomas Eklund",
        "We will look at it again in spring.",
        "direct"
    );
    assert_has!(st, "Lena Brandt", "Thank you, Governor.", "direct");
}

#[test]
fn a_time_phrase_is_not_part_of_the_speaker() {
    let st = statements(
        "Last week the Association of Flight Crews called the deal “a win”. Earlier this year Acme Corp said profits rose.",
    );
    assert_has!(
        st,
        "Association of Flight Crews",
        "the deal “a win”",
        "mixed"
    );
    assert_has!(st, "Acme Corp", "profits rose", "indirect");
}

#[test]
fn a_report_speaks_for_the_body_named_before_it() {
    let st = statements(
        "The IMF expects growth to slow. IMF chief economist Maury Oberfeld said growth was weak. \"The impact remains unclear,\" the IMF report stated.",
    );
    assert_has!(st, "IMF", "The impact remains unclear,", "direct");
    assert_has!(st, "Maury Oberfeld", "growth was weak", "indirect");
}

#[test]
fn the_mention_keeps_the_first_appositive_and_a_who_clause() {
    let lx = Lexicons::built_in().unwrap();
    let mention = |text: &str| {
        let a = analyze(text, &lx);
        a.statements[0].mention.clone()
    };
    assert_eq!(
        mention(
            "Jean Arvel, the foreign minister of Norland, a founding member of the council, said the test was reckless."
        ),
        "Jean Arvel, the foreign minister of Norland"
    );
    assert_eq!(
        mention(
            "Pia Moss, a lawyer for the Lake Trust, who has fought the mine for years, said the ruling was wrong."
        ),
        "Pia Moss, a lawyer for the Lake Trust, who has fought the mine for years"
    );
    assert_eq!(
        mention(
            "\"The test was reckless,\" said Jean Arvel, the foreign minister of Norland, a founding member of the council."
        ),
        "Jean Arvel, the foreign minister of Norland"
    );
}

#[test]
fn a_quote_only_cue_takes_just_the_quotation() {
    let st = statements(
        "Protesters marching through the square chanted \"What curfew?\" and kept going until dawn.",
    );
    assert_has!(st, "protesters", "What curfew?", "direct");
}

#[test]
fn a_verb_in_a_relative_clause_stays_inside_the_object() {
    let st = statements(
        "Rival Anna Korsvik mocked the complaint, saying anybody who complains about a microphone “is not having a good night.”",
    );
    assert_has!(
        st,
        "Anna Korsvik",
        "anybody who complains about a microphone “is not having a good night.”",
        "mixed"
    );
}

#[test]
fn a_label_in_a_relative_clause_keeps_what_it_labels() {
    let st = statements(
        "She was kept in hospital after what she called a “rant,” a series of posts.\n\
         Nine people were hurt by an explosion that Mayor Ilse Brandvold described as “an intentional act.”",
    );
    assert!(
        st.iter()
            .any(|(_, c, k)| c == "what she called a “rant,”" && k == "mixed"),
        "{st:#?}"
    );
    assert_has!(
        st,
        "Ilse Brandvold",
        "an explosion that Mayor Ilse Brandvold described as “an intentional act.”",
        "mixed"
    );
}

#[test]
fn a_participle_after_a_name_in_footage_is_that_name_speaking() {
    let st = statements("The ad uses footage of Vera Holm asking, “Why aren’t we further ahead?”");
    assert_has!(st, "Vera Holm", "Why aren’t we further ahead?", "direct");
    // not a participle clause of the sentence subject
    assert!(st.iter().all(|(s, _, _)| !s.contains("footage")), "{st:#?}");
}

#[test]
fn a_pronoun_after_the_sentence_subject_refers_to_it() {
    let st = statements(
        "The Security Council on Friday met to discuss what it called \"a clear threat to peace.\"",
    );
    assert_has!(
        st,
        "Security Council",
        "what it called \"a clear threat to peace.\"",
        "mixed"
    );
}

#[test]
fn referenced_and_cited_count_with_a_quoted_object_only() {
    let st = statements(
        "The Ostmark Fund referenced \"political tensions\" in rich economies. The Ostmark Fund cited two reports.",
    );
    assert_has!(
        st,
        "Ostmark Fund",
        "\"political tensions\" in rich economies",
        "mixed"
    );
    assert_eq!(st.len(), 1, "{st:#?}");
}

#[test]
fn relative_who_and_fronted_participles_find_their_speaker() {
    let st = statements(
        "Voters have soured on Arnell, now the party leader, who in 2010 said the party's goal was to win \"every seat.\"\n\
         Mara Quist fell last year. After saying her foot was “so swollen I could barely walk,” she was taken to hospital.",
    );
    assert_has!(
        st,
        "Arnell",
        "the party's goal was to win \"every seat.\"",
        "mixed"
    );
    assert_has!(
        st,
        "Mara Quist",
        "her foot was “so swollen I could barely walk,”",
        "mixed"
    );
}

#[test]
fn a_country_speaks_as_an_organisation() {
    let lx = Lexicons::built_in().unwrap();
    let a = analyze(
        "Russia said the test was a provocation. North Korea said it was ready.",
        &lx,
    );
    assert_eq!(a.statements.len(), 2);
    for s in &a.statements {
        assert_eq!(s.speaker_type.as_str(), "organization", "{}", s.speaker);
    }
}

#[test]
fn a_modified_description_finds_its_organisation_or_a_new_one() {
    let st = statements(
        "Sarn Grid Ltd said the network coped.\n\
         Acme Power Ltd said prices would fall.\n\
         The grid operator said February could be hard.\n\
         The telecoms regulator said it had opened an inquiry.",
    );
    assert_has!(st, "Sarn Grid Ltd", "February could be hard", "indirect");
    assert_has!(
        st,
        "telecoms regulator",
        "it had opened an inquiry",
        "indirect"
    );
}

#[test]
fn an_opening_phrase_without_intro_word_is_not_the_speaker() {
    let st = statements(
        "Orla Brennick chairs the housing board.\n\
         Hours later, Brennick issued a statement, saying the scheme was \"dead in the water.\"\n\
         Like the mayor, Brennick rejected the plan, calling it \"a gift to landlords.\"",
    );
    assert_has!(
        st,
        "Orla Brennick",
        "the scheme was \"dead in the water.\"",
        "mixed"
    );
    assert_has!(st, "Orla Brennick", "it \"a gift to landlords.\"", "mixed");
}

#[test]
fn a_participle_of_saying_takes_a_clause_without_that() {
    let st = statements(
        "Tomas Ferrant backed the bill on Monday, saying he would vote for it in March.\n\
         Ida Morrow opposed it, noting the tax was too high for small firms.\n\
         Ferrant waved, saying goodbye to the crowd.",
    );
    assert_has!(
        st,
        "Tomas Ferrant",
        "he would vote for it in March",
        "indirect"
    );
    assert_has!(
        st,
        "Ida Morrow",
        "the tax was too high for small firms",
        "indirect"
    );
    assert_eq!(st.len(), 2, "{st:#?}");
}

#[test]
fn a_quotation_ending_a_clause_before_its_attribution_is_mixed() {
    let st = statements(
        "The new ferry timetable was \"a complete shambles,\" said Pia Lund, who runs a cafe by the pier.\n\
         Commuters would have to \"wait and see,\" Lund said.\n\
         \"Nobody asked us,\" she said.",
    );
    assert_has!(
        st,
        "Pia Lund",
        "The new ferry timetable was \"a complete shambles,\"",
        "mixed"
    );
    assert_has!(
        st,
        "Pia Lund",
        "Commuters would have to \"wait and see,\"",
        "mixed"
    );
    assert_has!(st, "Pia Lund", "Nobody asked us,", "direct");
}

#[test]
fn an_attribution_inside_its_clause_reports_the_whole_clause() {
    let st = statements(
        "Wren Haldane runs the port authority.\n\
         The new crane, Haldane said, would double the number of ships unloaded each day.\n\
         The repairs, she added, were \"well under way.\"",
    );
    assert_has!(
        st,
        "Wren Haldane",
        "The new crane, Haldane said, would double the number of ships unloaded each day",
        "indirect"
    );
    assert_has!(
        st,
        "Wren Haldane",
        "The repairs, she added, were \"well under way.\"",
        "mixed"
    );
}

#[test]
fn an_attribution_opened_by_as_reports_its_clause() {
    let st = statements(
        "Nell Ruiz chairs the flood board.\n\
         As the Daily Ledger reported, the mayor had already signed the contract.\n\
         Of course, as Ruiz has pointed out, the barrier is \"ten years too late.\"\n\
         Kelby, as Ruiz noted, rarely floods in May.",
    );
    assert_has!(
        st,
        "Daily Ledger",
        "the mayor had already signed the contract",
        "indirect"
    );
    assert_has!(
        st,
        "Nell Ruiz",
        "the barrier is \"ten years too late.\"",
        "mixed"
    );
    assert_has!(
        st,
        "Nell Ruiz",
        "Kelby, as Ruiz noted, rarely floods in May",
        "indirect"
    );
}

#[test]
fn a_sentence_adverb_between_the_verb_and_that_is_skipped() {
    let st = statements(
        "Mayor Lena Holt praised the crews. She said, however, that the bridge would stay shut until May.\nShe warned, though, that \"nobody can promise dry streets\".",
    );
    assert_has!(
        st,
        "Lena Holt",
        "the bridge would stay shut until May",
        "indirect"
    );
    assert_has!(st, "Lena Holt", "nobody can promise dry streets", "direct");
}

#[test]
fn a_common_word_opening_a_sentence_is_no_name() {
    // "Repairs" is capitalised only because it opens the sentence
    let st = statements(
        "Mayor Lena Holt toured the bridge on Monday.\nRepairs, she added, would take weeks.",
    );
    assert_has!(
        st,
        "Lena Holt",
        "Repairs, she added, would take weeks",
        "indirect"
    );
    let m = mentions("As Ruiz noted, the bridge is older than the town.");
    assert!(m.iter().any(|(s, _, _)| s == "Ruiz"), "{m:#?}");
    assert!(m.iter().all(|(s, _, _)| s != "As Ruiz"), "{m:#?}");
    let st = statements(
        "Among those affected was the lender Brava, whose customers could not pay.\nThe bank said no data had been lost.",
    );
    assert!(st.iter().all(|(s, _, _)| s != "Among"), "{st:#?}");
    // a name that only opens sentences here is still a name when written mid-sentence
    let st = statements(
        "Chief executive Tom Price spoke first.\nPrice said costs would rise. Later Price said prices would fall.",
    );
    assert_has!(st, "Tom Price", "costs would rise", "indirect");
}

#[test]
fn a_possessive_after_a_capitalised_word_is_no_verb() {
    let st = statements(
        "The No campaign's leader, businessman Gareth Pryce, conceded defeat. \"It is over,\" he said.",
    );
    assert_has!(st, "Gareth Pryce", "It is over,", "direct");
}

#[test]
fn more_reporting_verbs_retorted_answered_emailed_and_others() {
    let st = statements(
        "Mayor Lena Holt retorted that the figures were wrong.\n\
         \"Not now,\" Holt interjected.\n\
         \"Too late,\" Holt quipped.\n\
         \"No,\" Holt answered.\n\
         \"We did it,\" Holt beamed.\n\
         \"Welcome!\" Holt boomed.\n\
         Holt emailed reporters that the vote was delayed.\n\
         Holt texted that she was safe.\n\
         The review concludes that the bridge is safe.\n\
         Stated Holt: \"We are done.\"",
    );
    assert_has!(st, "Lena Holt", "the figures were wrong", "indirect");
    for q in [
        "Not now,",
        "Too late,",
        "No,",
        "We did it,",
        "Welcome!",
        "We are done.",
    ] {
        assert_has!(st, "Lena Holt", q, "direct");
    }
    assert_has!(st, "Lena Holt", "the vote was delayed", "indirect");
    assert_has!(st, "Lena Holt", "she was safe", "indirect");
    assert!(
        st.iter().any(|(_, c, _)| c == "the bridge is safe"),
        "{st:#?}"
    );
    // the same verbs without a quotation or "that" report nothing
    let st = statements(
        "Lena Holt answered questions for an hour. The economy boomed last year. Holt emailed the files to the police. Holt texted her brother a photo of the flood.",
    );
    assert!(st.is_empty(), "{st:#?}");
    // "concludes with footage of X saying": the footage's speaker, not the advert
    let st = statements(
        "The advert concludes with footage of Senator Dan Holt saying, \"We will win.\"",
    );
    assert_has!(st, "Dan Holt", "We will win.", "direct");
}

#[test]
fn naming_with_called_and_welcoming_a_baby_are_no_statements() {
    let st = statements(
        "Students formed a group called Hope First to lobby the council.\n\
         Lena Holt teaches a class called \"Perception\" at the college.\n\
         The couple welcomed a baby girl in May.",
    );
    assert!(st.is_empty(), "{st:#?}");
    // a label is still a statement, also in a relative clause
    let st = statements("The mayor called the plan \"a disaster\".");
    assert_has!(st, "mayor", "the plan \"a disaster\"", "mixed");
}

#[test]
fn a_counted_or_announced_object_makes_an_act_not_a_statement() {
    let st = statements(
        "Employers added 86,000 jobs over the period, mostly in retail.\n\
         Hospitals in the region admitted more than 1,400 patients last week.\n\
         The lender Brava also announced a buyback of its own shares.\n\
         Prime Minister Lena Holt declared a state of emergency for the north.\n\
         The challenger Dan Ruiz conceded defeat on Thursday night.\n\
         Coach Dan Ruiz posted a short message on Instagram thanking his players.",
    );
    assert!(st.is_empty(), "{st:#?}");
    // a clause after the verb is still reported speech
    let st = statements("The ministry announced a ceasefire would begin at midnight.");
    assert_has!(
        st,
        "ministry",
        "a ceasefire would begin at midnight",
        "indirect"
    );
    // content placed first goes to the speaker at the end, not to "admitted"
    let st = statements(
        "Hospitals in the region admitted more than 1,400 patients last week, health officials said.",
    );
    assert!(
        st.iter().all(|(s, _, _)| s == "health officials"),
        "{st:#?}"
    );
}

#[test]
fn a_restrictive_relative_clause_belongs_to_the_speaker_phrase() {
    let m = mentions(
        "Senator Dan Ruiz spoke first.\nA union official who attended the talks said the text had nearly collapsed.",
    );
    assert!(
        m.iter().any(|(s, w, c)| s == "a union official"
            && w == "A union official who attended the talks"
            && c == "the text had nearly collapsed"),
        "{m:#?}"
    );
    let st = statements(
        "Divers have found at least 40 new species, the research institute that led the expedition said on Wednesday.",
    );
    assert_has!(
        st,
        "research institute",
        "Divers have found at least 40 new species",
        "indirect"
    );
    // after a noun that is no speaker, "that" opens a clause of its own
    let st = statements("The claim that officials said nothing is false.");
    assert!(st.iter().all(|(s, _, _)| s != "claim"), "{st:#?}");
}

#[test]
fn a_place_adverb_closes_an_anonymous_speaker() {
    let st =
        statements("A nurse there, who asked not to be named, said the ward had run out of beds.");
    assert_has!(
        st,
        "a nurse there",
        "the ward had run out of beds",
        "indirect"
    );
    let st = statements("The talks went badly from there, one source said.");
    assert!(st.iter().all(|(s, _, _)| !s.contains("there")), "{st:#?}");
}

#[test]
fn a_plural_possessive_stays_inside_an_organisation_name() {
    let st = statements(
        "The Harbour Residents' Association said in a statement that tenants were \"tired of waiting\".",
    );
    assert_has!(
        st,
        "Harbour Residents' Association",
        "tenants were \"tired of waiting\"",
        "mixed"
    );
}

#[test]
fn a_reporting_noun_before_of_is_no_cue() {
    let st = statements(
        "Sales rose to $2bn, ahead of analysts' average forecast of $1.8bn, the company said in its results.",
    );
    assert_has!(
        st,
        "company",
        "Sales rose to $2bn, ahead of analysts' average forecast of $1.8bn",
        "indirect"
    );
    assert_eq!(st.len(), 1, "{st:#?}");
}

#[test]
fn a_quote_before_an_appositive_chain_is_the_whole_statement() {
    let st = statements(
        "\"Our crews reached every village,\" the head of the mission, General Astrid Lund, said in Kelvar.",
    );
    assert_has!(
        st,
        "Astrid Lund",
        "Our crews reached every village,",
        "direct"
    );
    assert_eq!(st.len(), 1, "{st:#?}");
}

#[test]
fn an_of_phrase_after_an_adjunct_is_part_of_it() {
    let st = statements(
        "General Astrid Lund said at a briefing in the border town of Kelvar that the crews were safe.",
    );
    assert_has!(st, "Astrid Lund", "the crews were safe", "indirect");
    assert_eq!(st.len(), 1, "{st:#?}");
}

#[test]
fn two_titles_joined_by_and_belong_to_one_speaker() {
    let st = statements(
        "\"We are growing fast,\" co-founder and chief executive Ada Okoro said in an interview. \"This is only the start.\"",
    );
    assert_has!(st, "Ada Okoro", "We are growing fast,", "direct");
    assert_has!(st, "Ada Okoro", "This is only the start.", "direct");
}

#[test]
fn lead_description_named_in_a_later_sentence() {
    // "the operator" in the lead, before any operator is named: the
    // organisation named in the next sentences is who it was
    let st = statements(
        "Bus routes across the Merrin valley will be cut from June, the operator said on Monday.\nValley Coach Company said its drivers would be moved to school services.",
    );
    assert_has!(
        st,
        "Valley Coach Company",
        "Bus routes across the Merrin valley will be cut from June",
        "indirect"
    );
    // "Its operator" is something else's operator, not the latest organisation,
    // and "operator Tessel" later in an appositive names it
    let st = statements(
        "The Ostby dam on Norway's west coast reopened on Sunday. Its operator said the dam would supply power to 40,000 homes.\n\"It took years,\" said Ola Brekke, chief executive of operator Tessel.",
    );
    assert_has!(
        st,
        "Tessel",
        "the dam would supply power to 40,000 homes",
        "indirect"
    );
}

#[test]
fn his_office_is_the_persons_office() {
    // "His office" belongs to the man just named; it is neither him nor an
    // earlier organisation that happens to be an office
    let st = statements(
        "The Harwick planning office said 40 permits had been issued.\nThe city's chief auditor, Tomas Reyes, opened an inquiry into the permits in May. His office said on Friday that the inquiry would report in the autumn.",
    );
    assert_has!(
        st,
        "city chief auditor's office",
        "the inquiry would report in the autumn",
        "indirect"
    );
}

#[test]
fn one_anonymous_person_is_the_referent_of_he_and_its_head() {
    // "the agent" finds "one estate agent in the capital" by its head noun
    // (not the last word, "capital"), and "He" may point to one anonymous
    // person who is the latest subject
    let st = statements(
        "Economist Fiona Clarke said prices rose. One estate agent in the capital, who asked not to be named, said buyers were back. \"Three offers on a Tuesday,\" the agent said.\nEconomist Mark Lee said prices rose. One agency boss in the capital, who asked not to be named, said demand had fallen. He said hiring was cooling.",
    );
    assert_has!(
        st,
        "one estate agent in the capital",
        "Three offers on a Tuesday,",
        "direct"
    );
    assert_has!(
        st,
        "one agency boss in the capital",
        "hiring was cooling",
        "indirect"
    );
}

#[test]
fn the_company_prefers_a_subject_and_a_company() {
    // the subject of the sentence, not an organisation merely mentioned in it
    let st = statements(
        "Vell Motors bought a stake in Arden Bank on Monday. The company said the deal would close in May.",
    );
    assert_has!(st, "Vell Motors", "the deal would close in May", "indirect");
    // "the company" is never a government, however recent
    let st = statements(
        "Tarn Ferries said its vessel could not berth. The Scottish Government said it would cover the cost. The company said it had planned repairs.",
    );
    assert_has!(st, "Tarn Ferries", "it had planned repairs", "indirect");
}

#[test]
fn inverted_subject_after_among_is_registered() {
    // "Among those at the meeting was NAME": the subject comes after "was",
    // and "She" in the next sentence points to her
    let st = statements(
        "Councillor Ruth Amber said the plan was sound. Among those at the meeting was Maria Lund, a nurse at the clinic. She said the plan came too late.",
    );
    assert_has!(st, "Maria Lund", "the plan came too late", "indirect");
}

#[test]
fn an_unquoted_clause_before_an_inverted_speech_verb_is_the_speakers() {
    let st = statements("Power will be restored by Friday, said Anna Berg.");
    assert!(
        has(
            &st,
            "Anna Berg",
            "Power will be restored by Friday",
            "indirect"
        ),
        "{st:?}"
    );
    let st = statements("The line will reopen in May, said a spokeswoman for the operator.");
    assert_eq!(st.len(), 1, "{st:?}");
    assert_eq!(st[0].1, "The line will reopen in May");
    // a subject's appositive before its own verb and clause is no inversion
    let st =
        statements("The Halden Institute, which sequenced samples, said the virus did not spread.");
    assert!(
        has(
            &st,
            "Halden Institute",
            "the virus did not spread",
            "indirect"
        ),
        "{st:?}"
    );
    // "said to be" is no speech
    assert!(statements("The minister, said to be furious, left the meeting early.").is_empty());
}

#[test]
fn a_phrase_running_into_a_modal_after_warned_is_the_clause_subject() {
    let st = statements("Engineers warned the old bridge would fail within a decade.");
    assert!(
        has(
            &st,
            "Engineers",
            "the old bridge would fail within a decade",
            "indirect"
        ) || st
            .iter()
            .any(|(_, c, _)| c == "the old bridge would fail within a decade"),
        "{st:?}"
    );
    // an addressee before "that" is still skipped
    let st = statements("The mayor warned residents that the river would rise.");
    assert!(
        st.iter().any(|(_, c, _)| c == "the river would rise"),
        "{st:?}"
    );
}

#[test]
fn two_kinds_of_anonymous_source_joined_by_and_are_one_group() {
    let st = statements("The fire is spreading fast, local officials and residents say.");
    assert!(
        has(
            &st,
            "local officials and residents",
            "The fire is spreading fast",
            "indirect"
        ),
        "{st:?}"
    );
    let st = statements("Analysts and traders said the rally would fade.");
    assert!(
        has(
            &st,
            "analysts and traders",
            "the rally would fade",
            "indirect"
        ),
        "{st:?}"
    );
}

#[test]
fn a_unisex_given_name_is_a_person_not_the_company_read_as_one() {
    // "Tracy" is a given name for both sexes: "Tracy Martin" has no gender,
    // but is no organisation for "the council" to point back to.
    let text = "Tracy Martin said the plan was good.\n\nThe council said the road would reopen.";
    let lx = Lexicons::built_in().unwrap();
    let a = analyze(text, &lx);
    let who: Vec<(&str, &str)> = a
        .statements
        .iter()
        .map(|s| (s.speaker.as_str(), s.speaker_type.as_str()))
        .collect();
    assert_eq!(
        who,
        [("Tracy Martin", "person"), ("council", "organization")]
    );
    // and either pronoun can still point back to her or him
    let st = statements("Jordan Reyes said the plan was good.\n\nShe added that it was late.");
    assert_has!(st, "Jordan Reyes", "it was late", "indirect");
}

#[test]
fn a_place_after_a_comma_in_the_speakers_chain_is_not_the_speaker() {
    let st = statements(
        "Cory James, 22, of Flint, Mich., said he had not given up hope.\n\
         Hillary Clinton, during a town hall meeting in Columbus, Ohio, said she would fight.\n\
         Jan Berg, 41, of Oslo, Norway, who was among those polled, said the ferry was late.",
    );
    assert_has!(st, "Cory James", "he had not given up hope", "indirect");
    assert_has!(st, "Hillary Clinton", "she would fight", "indirect");
    assert_has!(st, "Jan Berg", "the ferry was late", "indirect");
    assert_eq!(st.len(), 3, "{st:#?}");
    // the mention is the whole chain as written, place and relative clause included
    let lx = Lexicons::built_in().unwrap();
    let a = analyze(
        "Jan Berg, 41, of Oslo, Norway, who was among those polled, said the ferry was late.",
        &lx,
    );
    assert_eq!(
        a.statements[0].mention,
        "Jan Berg, 41, of Oslo, Norway, who was among those polled"
    );
}

#[test]
fn a_subjects_appositive_chain_is_no_clause_before_an_inverted_verb() {
    // "Power will be restored by Friday, said Anna Berg." inverts; a name
    // with its age and town before "said" is the subject, not a clause
    let st = statements(
        "Donna Rawlings, 59, of Ashton, said the event brought back memories.\n\
         Power will be restored by Friday, said Anna Berg.",
    );
    assert_has!(
        st,
        "Donna Rawlings",
        "the event brought back memories",
        "indirect"
    );
    assert_has!(
        st,
        "Anna Berg",
        "Power will be restored by Friday",
        "indirect"
    );
    assert_eq!(st.len(), 2, "{st:#?}");
}

#[test]
fn a_participle_between_commas_before_the_finite_verb_is_no_statement() {
    let st = statements(
        "Verizon has struck a deal with unions.\n\
         The tentative deal, announced Friday, would last four years.\n\
         The minister, speaking on Monday, said the deal would last.",
    );
    assert_has!(st, "minister", "the deal would last", "indirect");
    assert_eq!(st.len(), 1, "{st:#?}");
}

#[test]
fn a_cue_in_s_before_a_past_tense_is_a_plural_noun() {
    let st = statements(
        "\"It is not over,\" Graham told CBS News on Tuesday, when a dozen states held contests.\n\
         Acme Corp claims were rejected by the court.\n\
         The minister says inflation is falling.",
    );
    assert_has!(st, "Graham", "It is not over,", "direct");
    assert_has!(st, "minister", "inflation is falling", "indirect");
    assert_eq!(st.len(), 2, "{st:#?}");
}

#[test]
fn a_past_tense_after_the_appositive_is_the_predicate_not_a_name() {
    let st = statements(
        "Tracy Martin, the boy's father, issued a statement Thursday, saying the foundation would go on.",
    );
    assert_has!(st, "Tracy Martin", "the foundation would go on", "indirect");
    assert_eq!(st.len(), 1, "{st:#?}");
}

#[test]
fn an_inverted_description_with_a_name_in_apposition_is_that_person() {
    let st = statements(
        "\"We will appeal,\" said the club's chairman, Tom Reed.\n\
         \"It is over,\" said the mayor, Anna Hale, after the vote.\n\
         \"The water came in fast,\" said the local MP, Hannah Oduya-Pritchard, who has campaigned for the scheme.",
    );
    assert_has!(st, "Tom Reed", "We will appeal,", "direct");
    assert_has!(st, "Anna Hale", "It is over,", "direct");
    assert_has!(
        st,
        "Hannah Oduya-Pritchard",
        "The water came in fast,",
        "direct"
    );
    // "MP" alone is what someone is, not a name or an organisation
    let lx = Lexicons::built_in().unwrap();
    let a = analyze("The local MP said the scheme was late.", &lx);
    assert_ne!(a.statements[0].speaker_type.as_str(), "organization");
    assert_ne!(a.statements[0].speaker, "MP");
}

#[test]
fn the_government_never_points_back_to_a_person_or_another_sort_of_body() {
    let lx = Lexicons::built_in().unwrap();
    let a = analyze(
        "Inflation fell to 3.4 percent, the statistics office said.\n\n\
         Hale said on X that she would run again.\n\n\
         The government says the plan is working.",
        &lx,
    );
    let who: Vec<&str> = a.statements.iter().map(|s| s.speaker.as_str()).collect();
    assert_eq!(who, ["statistics office", "Hale", "government"], "{who:?}");
    // a ministry named earlier is still "the ministry"
    let st = statements(
        "The Finance Ministry said taxes would rise.\n\nThe ministry said the rise was small.",
    );
    assert_has!(st, "Finance Ministry", "the rise was small", "indirect");
}

#[test]
fn a_clause_with_an_irregular_past_before_the_attribution_is_content() {
    let st = statements("The storm hit the north hard, the weather service said.");
    assert_has!(
        st,
        "weather service",
        "The storm hit the north hard",
        "indirect"
    );
    let st =
        statements("Cyclone Mahina tore across the islands, the country's disaster office said.");
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!(st[0].1, "Cyclone Mahina tore across the islands");
}

#[test]
fn according_to_data_from_a_source_credits_the_source_and_a_report_is_no_person() {
    let st = statements(
        "Jan Berg said the market was cold.\n\n\
         Venture investment fell by 40% last year, according to data from the research firm Briter Bridges.\n\n\
         According to a survey by the Institut Varenne, most voters are undecided.\n\n\
         According to the report, sales rose.",
    );
    assert_has!(
        st,
        "Briter Bridges",
        "Venture investment fell by 40% last year",
        "indirect"
    );
    assert_has!(
        st,
        "Institut Varenne",
        "most voters are undecided",
        "indirect"
    );
    assert!(
        !st.iter()
            .any(|(s, c, _)| s == "Jan Berg" && c == "sales rose"),
        "{st:#?}"
    );
}

#[test]
fn the_company_is_the_first_of_two_organisations_named_in_its_sentence() {
    let st = statements(
        "Kora Labs has raised $120 million in a round led by Ridgeline Capital, the company said.",
    );
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!(st[0].0, "Kora Labs");
}

#[test]
fn a_plural_possessive_before_a_role_is_part_of_the_speakers_phrase() {
    // "Rovers'" is the club the manager belongs to, not a person for "He"
    let st = statements(
        "Rovers' manager Sean O'Neill said the team was tired.\n\nHe added that the pitch was poor.",
    );
    assert_has!(st, "Sean O'Neill", "the team was tired", "indirect");
    assert_has!(st, "Sean O'Neill", "the pitch was poor", "indirect");
}

#[test]
fn the_union_is_not_the_company_named_before_it() {
    let st = statements(
        "Acme Corp said on Monday it would cut 500 jobs.\n\n\
         The union called the cuts \"a betrayal\". It said members would vote on strike action.\n\n\
         The company said the cuts were needed.",
    );
    assert!(
        st.iter()
            .all(|(s, c, _)| s != "Acme Corp" || !c.contains("betrayal")),
        "{st:#?}"
    );
    assert_has!(
        st,
        "union",
        "members would vote on strike action",
        "indirect"
    );
    assert_has!(st, "Acme Corp", "the cuts were needed", "indirect");
}

#[test]
fn two_people_joined_by_and_are_both_subjects_and_and_is_no_title() {
    let lx = Lexicons::built_in().unwrap();
    let a = analyze(
        "Jan Novak and Eva Kral met on Monday. She said the talks had failed.",
        &lx,
    );
    assert_eq!(a.statements.len(), 1, "{:#?}", a.statements);
    assert_eq!(a.statements[0].speaker, "Eva Kral");
    assert_eq!(a.statements[0].speaker_title, "");
}

#[test]
fn an_anonymous_head_stays_anonymous_and_a_participle_describes_the_speaker() {
    let lx = Lexicons::built_in().unwrap();
    let a = analyze(
        "\"The deal is dead,\" a senior EU official told Reuters.\n\n\
         The official, who asked not to be named, said a deal was unlikely.\n\n\
         Two diplomats briefed on the talks said progress had been made.",
        &lx,
    );
    let who: Vec<(&str, &str)> = a
        .statements
        .iter()
        .map(|s| (s.speaker.as_str(), s.speaker_type.as_str()))
        .collect();
    assert_eq!(
        who,
        [
            ("a senior EU official", "anonymous"),
            ("a senior EU official", "anonymous"),
            ("two diplomats", "anonymous")
        ]
    );
    assert_eq!(
        a.doc.slice(a.statements[2].content),
        "progress had been made"
    );
}

#[test]
fn body_names_as_modifiers_and_acronyms_after_the() {
    let lx = Lexicons::built_in().unwrap();
    let a = analyze(
        "Treasury sources said taxes would rise.\n\n\
         The IMF said the UK economy would grow.\n\n\
         Mel Stride said the plans were a disaster. The Conservative MP said families would pay more.\n\n\
         Paul Johnson, director of the Institute for Fiscal Studies (IFS), said the numbers did not add up. \
         The IFS said taxes would reach a record high.",
        &lx,
    );
    let who: Vec<(&str, &str)> = a
        .statements
        .iter()
        .map(|s| (s.speaker.as_str(), s.speaker_type.as_str()))
        .collect();
    assert_eq!(who[0], ("treasury sources", "anonymous"));
    assert_eq!(who[3], ("Mel Stride", "person"), "{who:?}");
    assert_eq!(who[5].1, "organization", "{who:?}");
    assert_ne!(who[5].0, "UK", "{who:?}");
}

#[test]
fn a_hard_wrapped_line_inside_a_blank_line_paragraph_does_not_cut_the_quote() {
    let st = statements(
        "Kral urges patience\n\n\
         “Our members,” Eva Kral added, “have worked for months to bring voters\n\
         to the polls in every district.”\n\n\
         The count begins on Monday.",
    );
    assert_has!(st, "Eva Kral", "Our members,", "direct");
    assert_has!(
        st,
        "Eva Kral",
        "have worked for months to bring voters\nto the polls in every district.",
        "direct"
    );
}

#[test]
fn a_role_after_and_keeps_the_second_person_in_the_subject() {
    let lx = Lexicons::built_in().unwrap();
    let a = analyze(
        "Prime Minister Jan Novak and opposition leader Eva Kral clashed over the budget on Monday. \
         She said the plan would fail.",
        &lx,
    );
    assert_eq!(a.statements.len(), 1, "{:#?}", a.statements);
    assert_eq!(a.statements[0].speaker, "Eva Kral");
    assert_eq!(a.statements[0].speaker_title, "opposition leader");
}

#[test]
fn a_person_named_as_an_object_is_found_by_her_pronoun_and_her_role() {
    let st = statements(
        "Novak met opposition leader Eva Kral on Monday. She said the talks had failed.\n\n\
         Lind visited union chief Petra Holm in Tarnow. The union chief said pay would rise.",
    );
    assert_has!(st, "Eva Kral", "the talks had failed", "indirect");
    assert_has!(st, "Petra Holm", "pay would rise", "indirect");
    // "he" still finds the subject whose gender is unknown
    let st = statements("Novak met Eva Kral on Monday. He said the talks had failed.");
    assert_has!(st, "Novak", "the talks had failed", "indirect");
}

#[test]
fn the_setting_after_an_inverted_speaker_is_not_part_of_the_speaker() {
    let text = "Brno council met on Monday. “We will win,” said former executive Eva Kral \
                during the second debate, adding that she had seen the data.\n\n\
                “It is not new,” said Rep. Ana Vega (D-Va.) at the time, adding that \
                “we have done this for years.”";
    let st = statements(text);
    assert_has!(st, "Eva Kral", "We will win,", "direct");
    assert_has!(st, "Eva Kral", "she had seen the data", "indirect");
    assert_has!(st, "Ana Vega", "we have done this for years.", "direct");
    let m = mentions(text);
    assert!(
        m.iter()
            .all(|(_, mention, _)| !mention.contains("debate") && !mention.contains("time")),
        "{m:#?}"
    );
}

#[test]
fn a_participle_with_an_addressee_and_subjects_with_roles_or_negations() {
    let st = statements(
        "Lena Berg visited the plant on Monday, telling workers that their jobs were safe.\n\n\
         In line with most voters, Republican presidential hopeful Sen. Ana Vega was critical \
         of the plan, telling the paper: “It is a mistake.”\n\n\
         Marta Holm spoke first. Weaver didn’t seem impressed with the plan, telling reporters, \
         “A lot of people are angry.”",
    );
    assert_has!(st, "Lena Berg", "their jobs were safe", "indirect");
    assert_has!(st, "Ana Vega", "It is a mistake.", "direct");
    assert_has!(st, "Weaver", "A lot of people are angry.", "direct");
}

#[test]
fn a_fronted_verb_with_its_speaker_before_a_colon() {
    let st = statements(
        "Tomas Brandt spoke to the radio station on Monday.\n\n\
         Stated Brandt:\n\n\
         “The vote will be close.”\n\n\
         Continued Brandt: “We need every volunteer we have.”",
    );
    assert_has!(st, "Tomas Brandt", "The vote will be close.", "direct");
    assert_has!(
        st,
        "Tomas Brandt",
        "We need every volunteer we have.",
        "direct"
    );
}

#[test]
fn more_reporting_cues_and_a_closing_manner_adverb() {
    let st = statements(
        "“This is a big win for me,” Dana Ortiz confessed.\n\n\
         “Can you name one success?” Ortiz asks rhetorically.\n\n\
         Mayor Ivo Marek released the following statement: “We offer our condolences.”\n\n\
         “We will fight,” Marek was quick to add.\n\n\
         Marek testified that the pumps had failed. Ortiz testified voluntarily in 2019.\n\n\
         Ortiz vented that the process was “a huge shock.”\n\n\
         “Why now?” Marek responds.\n\n\
         Ortiz praised the crews, remarking that the repairs were fast.",
    );
    assert_has!(st, "Dana Ortiz", "This is a big win for me,", "direct");
    assert_has!(st, "Dana Ortiz", "Can you name one success?", "direct");
    assert_has!(st, "Ivo Marek", "We offer our condolences.", "direct");
    assert_has!(st, "Ivo Marek", "We will fight,", "direct");
    assert_has!(st, "Ivo Marek", "the pumps had failed", "indirect");
    assert_has!(st, "Dana Ortiz", "the process was “a huge shock.”", "mixed");
    assert_has!(st, "Ivo Marek", "Why now?", "direct");
    assert_has!(st, "Dana Ortiz", "the repairs were fast", "indirect");
    assert!(!st.iter().any(|(_, c, _)| c.contains("2019")), "{st:#?}");
}

#[test]
fn a_possessive_speaker_and_a_noun_for_what_was_said() {
    let st = statements(
        "Eva Berg met the union on Monday. “We will not sign,” was Berg's reply.\n\n\
         Berg’s message was clear: the deal is dead.\n\n\
         Berg's message was delivered by post.",
    );
    assert_has!(st, "Eva Berg", "We will not sign,", "direct");
    assert_has!(st, "Eva Berg", "the deal is dead", "indirect");
    assert_eq!(st.len(), 2, "{st:#?}");
}

#[test]
fn a_quotation_closed_by_a_full_stop_is_its_own_sentence_unless_a_short_attribution_follows() {
    let st = statements(
        "Lena Osman spoke at the vigil. “He was a new dad,” she said. \
         “He had just welcomed a second girl.” Others paid tribute to him on social media that night.\n\n\
         “We want answers,” Rita Kane said.\n\n\
         “The files are missing.” Osman said.",
    );
    assert_has!(
        st,
        "Lena Osman",
        "He had just welcomed a second girl.",
        "direct"
    );
    assert_has!(st, "Lena Osman", "The files are missing.", "direct");
}

#[test]
fn states_is_mostly_the_noun() {
    let st = statements(
        "Ana Vega won six states on Tuesday, including Texas. \
         Her rival carried two states: Ohio and Utah. \
         Southern states cast their ballots early.\n\n\
         In her letter, Vega states that the plant will close.",
    );
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!(st[0].1, "the plant will close");
}

#[test]
fn a_bare_day_name_after_the_verb_is_a_time_adjunct() {
    let st = statements(
        "“It was close,” Ivo Marek said Thursday night.\n\n\
         Marek said Wednesday morning on the radio that the plant would close.",
    );
    assert_has!(st, "Ivo Marek", "It was close,", "direct");
    assert_has!(st, "Ivo Marek", "the plant would close", "indirect");
    assert_eq!(st.len(), 2, "{st:#?}");
}

#[test]
fn a_title_cased_first_line_is_a_headline_and_a_role_before_a_given_name_is_a_person() {
    let lx = Lexicons::built_in().unwrap();
    let a = analyze(
        "Ivo Marek Just Revealed Who He Would Pick For The Port Board.\n\n\
         Marek said the port would reopen in May.\n\n\
         Top Labour Party donor Tom Reed said the plan would fail.",
        &lx,
    );
    let who: Vec<(&str, &str)> = a
        .statements
        .iter()
        .map(|s| (s.speaker.as_str(), s.speaker_type.as_str()))
        .collect();
    assert_eq!(who, [("Marek", "person"), ("Tom Reed", "person")]);
}

#[test]
fn a_nationality_noun_finds_the_person_of_that_nation() {
    // "the Swede" is the Swedish goalkeeper, not the coach quoted last
    let st = statements(
        "City won 2-0 on Sunday, with Swedish goalkeeper Lars Ekdahl saving a penalty.\n\
         'We defended well,' coach Tom Reilly said.\n\
         'I guessed right and it stayed out,' the Swede said.",
    );
    assert_has!(
        st,
        "Lars Ekdahl",
        "I guessed right and it stayed out,",
        "direct"
    );
    // "pole" matches "polish", not the later "police" chief
    let st = statements(
        "United won after Polish striker Jan Nowak scored twice.\n\
         'The crowd was calm,' police chief Anna Berg said.\n\
         'My legs felt light all day,' the Pole said.",
    );
    assert_has!(st, "Jan Nowak", "My legs felt light all day,", "direct");
}

#[test]
fn an_inverted_attribution_after_an_introductory_phrase_opens_a_quotation() {
    let st = statements(
        "Nadia Orlov runs the port authority.\n\n\
         Given how the budget was cut, explained Orlov, “the ferries will stop in May and the docks will close.”\n\n\
         But, said Orlov, “we will reopen them next year.”",
    );
    assert_has!(
        st,
        "Nadia Orlov",
        "Given how the budget was cut, explained Orlov, “the ferries will stop in May and the docks will close.”",
        "mixed"
    );
    assert_has!(
        st,
        "Nadia Orlov",
        "But, said Orlov, “we will reopen them next year.”",
        "mixed"
    );
}

#[test]
fn a_plural_noun_in_s_before_a_parenthetical_attribution_is_no_verb() {
    let st = statements(
        "Tomas Reyes led the review.\n\nRepair estimates, he said, were “far too hopeful.”",
    );
    assert_has!(
        st,
        "Tomas Reyes",
        "Repair estimates, he said, were “far too hopeful.”",
        "mixed"
    );
}

#[test]
fn a_quotation_after_a_colon_belongs_to_the_subject_or_the_label_before_it() {
    let st = statements(
        "Vera Kolar chairs the harbour board.\n\n\
         She then turned to the fishermen: “Your quota stays. Nobody will lose a boat.”\n\n\
         Kolar has since apologised for the delay: “We should have told you in March.”\n\n\
         Sen. Omar Pike (D-Ore.): “The board must publish the figures.”\n\n\
         HARBOUR FEES RISE - Lena Broz: “Small boats will pay the most.”\n\n\
         Pike was asked: “Will you vote for it?”",
    );
    assert_has!(
        st,
        "Vera Kolar",
        "Your quota stays. Nobody will lose a boat.",
        "direct"
    );
    assert_has!(
        st,
        "Vera Kolar",
        "We should have told you in March.",
        "direct"
    );
    assert_has!(
        st,
        "Omar Pike",
        "The board must publish the figures.",
        "direct"
    );
    assert_has!(st, "Lena Broz", "Small boats will pay the most.", "direct");
    // a passive subject is not the one who asked
    assert_eq!(st.len(), 4, "{st:#?}");
}

#[test]
fn a_title_case_dateline_with_an_agency_tag_is_not_the_subject() {
    let st = statements(
        "Lisbon (AFP) – Mayor Ana Costa has turned against the port plan, saying that the harbour “is full.”",
    );
    assert_has!(st, "Ana Costa", "the harbour “is full.”", "mixed");
}

#[test]
fn two_apostrophes_side_by_side_are_a_double_quotation_mark() {
    let st = statements(
        "''The mill will stay open,'' Hana Ilic said. ''Nobody is leaving.''\n\n\
         The workers' council said the ''new plan'' was fair.",
    );
    assert_has!(st, "Hana Ilic", "The mill will stay open,", "direct");
    assert_has!(st, "Hana Ilic", "Nobody is leaving.", "direct");
    assert_has!(st, "council", "the ''new plan'' was fair", "mixed");
    assert_eq!(st.len(), 3, "{st:#?}");
}

#[test]
fn a_relative_clause_with_an_infinitive_still_describes_the_speaker() {
    let st = statements(
        "Ivo Marek runs the port.\n\n\
         A port official who spoke anonymously to discuss internal plans said the cranes “will be sold.”",
    );
    assert_has!(st, "a port official", "the cranes “will be sold.”", "mixed");
}

#[test]
fn a_past_participle_with_its_agent_is_passive_and_names_no_speaker() {
    let st = statements(
        "On Sunday, while commenting on the water crisis highlighted by the recent floods in the valley and the storms that cut power to five towns, Governor Rosa Vidal said the dams “must be rebuilt.”",
    );
    assert_has!(st, "Rosa Vidal", "the dams “must be rebuilt.”", "mixed");
    assert_eq!(st.len(), 1, "{st:#?}");
}
