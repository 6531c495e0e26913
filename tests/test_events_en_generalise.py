"""English event coding that should transfer beyond the PLOVER records (stop 78): acts under a condition, role
nouns that look like cues, and the like; each sentence is ordinary news English."""

from __future__ import annotations

import vestnik


def _events(text: str) -> list[tuple[str, str, str, str]]:
    doc = vestnik.extract(text, published="2004-05-02", lang="en")
    return [(e.type, doc.text[e.span[0]:e.span[1]], e.source.code or "", e.target.code or "") for e in doc.events]


def _assert_no_event(*texts: str, types: tuple[str, ...] = ()) -> None:
    """None of ``texts`` codes an event (of ``types`` only, when given)."""
    for text in texts:
        evs = _events(text)
        assert not [e for e in evs if not types or e[0] in types], (text, evs)


def _assert_event(text: str, kind: str, source: str = "") -> None:
    """``text`` codes an event of ``kind`` (done by ``source``, when given)."""
    evs = _events(text)
    assert any(t == kind and (not source or s == source) for t, _, s, _ in evs), (text, evs)


def test_act_under_a_condition_is_no_event() -> None:
    """"if he gave", "unless the president agrees": supposed acts, not reported ones."""
    evs = _events("The rebels said they would free the hostages if the government gave them safe passage.")
    assert not any(w == "gave" for _, w, _, _ in evs), evs
    evs = _events("The opposition party said it will boycott the elections unless the president agrees to step down.")
    assert any(t == "THREATEN" for t, _, _, _ in evs) and not any(t == "AGREE" for t, _, _, _ in evs), evs


def test_mediator_is_a_person_not_a_mediation() -> None:
    evs = _events("The rebels criticised U.N. mediator Martin Griffiths on Monday.")
    assert not any(w.lower().startswith("mediat") for _, w, _, _ in evs), evs


def test_words_that_look_like_cues() -> None:
    """Publications, going back, subscriptions and chargers are no releases, returns, signatures or charges; the
    acts themselves still are."""
    _assert_no_event("Police released dramatic video of the rescue on Monday.",
                     "Thousands of refugees began to return home from Kenya on Tuesday.",
                     "Readers can sign up for a free trial of the service.",
                     "The phone comes with a wireless charger and a charging cable.",
                     "Mr. Smith has not released his tax returns.")
    _assert_event("Rebels in Sierra Leone released 20 hostages on Monday.", "RETREAT")
    _assert_event("Police charged two men with murder on Friday.", "COERCE")


def test_head_of_a_group_is_the_group() -> None:
    """"a spokesman for the Indian army", "the leader of the Kurdish rebels, Abdullah Ocalan,": one actor, the
    group's, not an official whose group becomes his target."""
    evs = _events("A spokesman for the Indian army accused Pakistan of shelling border villages.")
    assert evs[0][0] == "ACCUSE" and evs[0][2] == "INDMIL" and evs[0][3] == "PAK", evs
    evs = _events("A spokesman for the rebels in Sri Lanka accused the army of shelling civilians.")
    assert evs[0][2] == "LKAREB" and evs[0][3] == "LKAMIL", evs


def test_office_between_commas_is_the_persons() -> None:
    evs = _events("Kofi Annan, the U.N. Secretary-General, urged Israel to withdraw from Lebanon.")
    assert evs[0][0] == "REQUEST" and evs[0][2] == "IGOGOV", evs


def test_reported_clause_subject_acts() -> None:
    """"Police in Uganda said rebels had attacked a village": the rebels attack, not the police; the speaker stays
    the source of what it says it did, of an obligation it states, and where the clause names its own state."""
    evs = _events("Police in Uganda said rebels had attacked a village near the border.")
    assert evs[0][0] == "ASSAULT" and evs[0][2] == "UGAREB", evs
    evs = _events("The Colombian army said it had killed 20 rebels in fighting near the border.")
    assert all(s == "COLMIL" for _, _, s, _ in evs), evs
    evs = _events("Russia said on Tuesday that Sudan must return the helicopter.")
    assert evs[0][2] == "RUS", evs


def test_the_accused_does_what_it_is_accused_of() -> None:
    """"accused the army of shelling civilians": the army shells, the civilians are shelled (the accuser had been
    taken for the shelling's source)."""
    evs = _events("A spokesman for the rebels in Sri Lanka accused the army of shelling civilians.")
    assert ("ASSAULT", "shelling", "LKAMIL", "LKACVL") in evs, evs
    evs = _events("Villagers accused the Burundian army of killing 74 civilians in a crack-down near the capital.")
    assert any(t == "ASSAULT" and w == "killing" and s == "BDIMIL" for t, w, s, _ in evs), evs


def test_idioms_that_look_like_cues() -> None:
    """Stop 79, read on other English news: a reporter's unanswered question, a poll's lead, a market's demand, a
    decree's name and a figure of information are no rejection, aid, demand, order or offer; the acts stay."""
    _assert_no_event("The ministry declined to comment on the report.",
                     "The survey gave the opposition a five-point lead in the capital.",
                     "Nurses are in high demand across the region.",
                     "The new figures provide a clearer snapshot of the economy.",
                     "The company did not respond to requests for comment.")
    evs = _events("The governor signed an executive order on Monday.")
    assert not any(t == "REQUEST" for t, _, _, _ in evs), evs
    _assert_event("The government refused to release the prisoners.", "REJECT")


def _actors(text: str) -> list[tuple[str, str]]:
    doc = vestnik.extract(text, published="2016-10-02", lang="en")
    t = doc.text
    return [(t[e.source.span[0]:e.source.span[1]] if e.source.span else "",
             t[e.target.span[0]:e.target.span[1]] if e.target.span else "") for e in doc.events]


def test_person_of_another_person_is_one_actor() -> None:
    """"Trump's campaign manager Kellyanne Conway", "Hillary Clinton campaign spokesman Glen Caplin": the first
    person only says whose the second is; the second acts (the first had been the source, the second its target)."""
    acts = _actors("Hillary Clinton campaign spokesman Glen Caplin rejected the memo on Sunday.")
    assert acts and acts[0][0].endswith("Glen Caplin") and "Caplin" not in acts[0][1], acts
    acts = _actors("Donald Trump's campaign manager Kellyanne Conway criticized the report on Sunday.")
    assert acts and acts[0][0].endswith("Kellyanne Conway") and "Conway" not in acts[0][1], acts


def test_noun_cue_with_no_actor_is_no_event() -> None:
    """A noun cue no one is named to do or undergo ("the rally has further to run", "details of the agreement")
    reports no act; with an actor the noun still does ("police announced the seizure of cocaine")."""
    _assert_no_event("Analysts say the rally in bank shares has further to run.",
                     "Details of the agreement run to forty pages.")
    _assert_event("Colombian police announced the seizure of two tonnes of cocaine on Monday.", "COERCE")


def test_bare_given_is_no_aid() -> None:
    """"given that", "given the uncertainty" (a preposition) and "the interview given by" (no auxiliary) give no aid;
    "was given", "has given" still do."""
    _assert_no_event("The talks were all the more urgent given that officers had threatened to use live fire.",
                     "Given the impossibility of a conviction, the opposition will try to weaken the president.",
                     "Investors remain sceptical of a quick recovery in the Indian economy given several structural issues.",
                     types=("AID",))
    _assert_event("Refugees in Kenya were given food and blankets by the United Nations on Monday.", "AID")
    _assert_event("Japan has given Iraq $5 billion in aid since the war.", "AID", "JPN")


def test_a_game_won_is_no_assault_or_aid() -> None:
    """Sports news: "Russia beat Croatia 2-1", "giving France a 2-1 victory" tell a game, no assault or aid; a
    beating outside a game still is one."""
    _assert_no_event("Russia beat Croatia 2-1 in the Davis Cup on Monday.",
                     "Herbert and Mahut won the deciding doubles match, giving France a 2-1 victory over Japan.",
                     "Zach Parise scored twice and Minnesota beat Buffalo.", types=("ASSAULT", "AID"))
    _assert_event("Police beat protesters in the capital of Belarus on Sunday.", "ASSAULT")


def test_a_thing_offered_or_provided_is_no_cooperation() -> None:
    """A product or a feature offered is a sale ("Amazon is offering the iPad Pro for $799"), advice or evidence
    offered no intent to cooperate, and providers and investigators are trades; help, a ceasefire or an act offered
    still are."""
    _assert_no_event("Amazon is offering the Apple iPad Pro for $799.",
                     "Donald Trump Jr. offered some unsolicited career advice for women.",
                     "Ascom is a global solutions provider focused on healthcare.",
                     "Investigators from the narcotics team searched the garage on Monday.")
    _assert_event("Japan offered humanitarian aid to Iraq on Monday.", "AGREE", "JPN")
    _assert_event("Libya has offered to hand over two suspects to Britain.", "AGREE", "LBY")


def test_a_web_page_visited_or_a_battery_charge_is_no_event() -> None:
    """"please visit www.ascom.com", "300 miles per charge": a web page read and electricity, no visit, no charge; a
    visit to a country still is one."""
    _assert_no_event("For more information, please visit www.ascom.com.",
                     "Visit Business Insider's homepage for more stories.",
                     "The car will go 300 miles per charge.",
                     "The Sportback has 120 kW charging.")
    _assert_event("Prime Minister Blair visited Iraq on Monday.", "CONSULT")


def test_presidential_is_no_actor() -> None:
    """"presidential" is the adjective of the role noun, no office of its own ("in the presidential election",
    "WikiLeaks has taken on a greater role in the presidential election"); "presidential candidate Hillary
    Clinton" is her, and "the presidential guard" still acts."""
    acts = _actors("Republicans seized the latest developments as an issue in the final presidential debate.")
    assert acts and not any("presidential" in a for pair in acts for a in pair), acts
    acts = _actors("The FBI had reopened a probe into Democratic presidential candidate Hillary Clinton's emails.")
    assert acts and acts[0][1].endswith("Hillary Clinton"), acts
    assert _events("The presidential guard attacked protesters in the capital of Guinea.")[0][2] == "GINMIL"


def test_main_verb_after_an_opening_adverbial_is_an_event() -> None:
    """A sentence that opens with an adverbial and a comma ("In a statement on Monday, ...", "Despite the
    protests, ...", "After talks in Beijing, ...") reports its main verb's act, though the quotes layer reads the
    opening as what was said; a real attribution after a comma stays none."""
    _assert_event("In a statement on Monday, the Russian foreign ministry condemned the attack on the embassy.",
                  "ACCUSE", "RUSGOV")
    _assert_event("Despite the protests, the Thai government rejected the demands of the opposition.", "REJECT",
                  "THAGOV")
    _assert_event("After talks in Beijing, the Russian foreign minister criticized Japan.", "ACCUSE", "RUSGOV")
    _assert_no_event("The talks went well, the Russian foreign minister said on Monday.", types=("CONSULT",))


def test_verb_cue_with_no_party_named_is_no_event() -> None:
    """A verbal cue with no source and no target named ("A good social support system", "Order now", "you must
    update") tells no act between parties; violence is still told without them ("Three people were killed")."""
    _assert_no_event("A good social support system may be linked to decreased binge eating.",
                     "The phone adds better Android support and a faster chip.",
                     "Order now and save twenty percent.")
    _assert_event("Three people were killed in the blast on Monday.", "ASSAULT")


def test_rallies_fights_talks_and_jails_that_are_no_acts() -> None:
    """A side rallied, a market's rally, a fight for a seat or against a disease, a talk given, a jail as a place
    and a device charged are no protest, assault, aid or coercion (stop 82, read on PolNeAR's texts and the
    html-en pages); a game's comeback is no act between parties; the acts themselves still are."""
    _assert_no_event("Obama will travel to Ohio on Friday to rally Democratic voters.",
                     "Stocks rallied on Wall Street on Tuesday after the Fed held rates steady.",
                     "Spain rallied to beat Canada 3-6, 6-3, 7-6 in the Davis Cup final.",
                     types=("PROTEST",))
    _assert_no_event("The fight for the Senate has tightened in Nevada and Pennsylvania.",
                     "Doctors gave him antibiotics to fight the infection.",
                     "Ukraine needs help in its fight against corruption.",
                     "Chinese health officials said the killer disease had spread to ten provinces.",
                     types=("ASSAULT",))
    _assert_no_event("Biden gave a speech to students at the University of Delaware.", types=("AID",))
    _assert_no_event("Russian opposition leaders said they would rather be in jail than silent.",
                     "Navalny's brother Oleg was released from jail on Monday.",
                     "Apple sells a cable for charging an iPhone or a MacBook.",
                     types=("COERCE",))
    _assert_event("Rebels fought government troops near the capital of Chad on Monday.", "ASSAULT")
    _assert_event("Thousands rallied in Moscow on Saturday against the government.", "PROTEST")
    _assert_event("Police jailed two opposition leaders in Minsk on Friday.", "COERCE")
    _assert_event("Japan gave humanitarian aid to Iraq on Monday.", "AID", "JPN")


def test_hosts_hedges_exhortations_and_questions_that_are_no_acts() -> None:
    """A television host and a show hosted are no visit; "allegedly" and "the alleged" hedge, no one accuses; "we
    must" exhorts one's own side and "must have" guesses, no demand; accusers and defendants are people named by
    a role; "she asked" after a direct question puts a question, no request (stop 82, read on PolNeAR's texts and
    the html-en pages). A leader hosted, a demand on another party and a request stay."""
    _assert_no_event("CNN host Anderson Cooper interviewed Donald Trump on Sunday.",
                     "Apple hosted a special event in Cupertino on Tuesday.", types=("CONSULT",))
    _assert_no_event("WikiLeaks published allegedly hacked emails of John Podesta.",
                     "Russian police said the alleged victims had been paid.",
                     "Trump invited Bill Clinton's accusers to the debate.", types=("ACCUSE",))
    _assert_no_event('"We must defend our democracy," President Obama said.',
                     "The Kremlin must have known about the plan, Senator John McCain said.",
                     '"Is the war over?" asked Senator John McCain.', types=("REQUEST",))
    _assert_no_event("A lawyer for the defendant, a Russian citizen, declined to comment.", types=("SUPPORT",))
    _assert_event("Russian President Boris Yeltsin hosted Japanese Prime Minister Ryutaro Hashimoto.", "CONSULT",
                  "RUSGOV")
    _assert_event("Russia said that Sudan must return the helicopter.", "REQUEST", "RUS")
    _assert_event("Senator John McCain asked Russia to withdraw its troops from Georgia.", "REQUEST", "USALEG")


def test_purchases_publications_and_social_pages_are_no_acts() -> None:
    """An aircraft order is a purchase, figures released a publication, a brand's Facebook page no place visited
    (stop 82, html-en pages and PolNeAR's texts); an order given to troops stays a demand."""
    _assert_no_event("Emirates placed a $9 billion order for 30 Boeing 787 jets.", types=("REQUEST",))
    _assert_no_event("Figures released by the Russian central bank showed a fall in reserves.", types=("RETREAT",))
    _assert_no_event("Be sure to visit Russia Today on Facebook and Twitter.", types=("CONSULT",))
    _assert_event("Putin ordered Russian troops to leave Syria.", "REQUEST", "RUSGOV")


def test_falls_unanswered_questions_and_states_are_no_acts() -> None:
    """A question left unanswered, a fall in numbers, a policy rolled back, a thing given back, a marching band, a
    space probe, a stay in custody and a risk of extradition are no rejection, backing, protest, investigation,
    arrest or cooperation (stop 82, html-en pages and PolNeAR's texts); a refusal and an arrest stay."""
    _assert_no_event("A Kremlin spokesman declined to say when Putin would visit Japan.",
                     "Russian oil exports continue to decline, the IEA said.", types=("REJECT",))
    _assert_no_event("China says Trump's reluctance to roll back tariffs is hurting the talks.",
                     "The Serbian government gave Kosovo its border crossings back.", types=("SUPPORT",))
    _assert_no_event("A marching band of Russian sailors played in Sevastopol.", types=("PROTEST",))
    _assert_no_event("China launched its Mars probe on Thursday.", types=("ACCUSE",))
    _assert_no_event("Assange died in custody in a British prison.", types=("COERCE",))
    _assert_no_event("Assange is vulnerable to extradition to the United States.", types=("COOPERATE",))
    _assert_event("Serbia refused to extradite the suspects to Croatia.", "REJECT", "SRB")
    _assert_event("British police took Assange into custody on Thursday.", "COERCE", "GBRCOP")


def test_an_attack_on_a_record_or_in_an_ad_is_a_criticism() -> None:
    """Words against a stand, a record or a policy, and attacks in ads or speeches, are criticism (ACCUSE), no
    assault (stop 82, PolNeAR's texts and the html-en pages); an attack on people stays an assault."""
    evs = _events("Trump attacked Hillary Clinton's national security record on Sunday.")
    assert [e[0] for e in evs] == ["ACCUSE"], evs
    evs = _events("Boris Johnson and Jeremy Corbyn attacked each other's policies on Brexit.")
    assert evs and {e[0] for e in evs} == {"ACCUSE"}, evs
    _assert_event("Burundian militiamen attacked a refugee camp in Rwanda on Monday.", "ASSAULT")


def test_seizing_on_an_argument_and_crediting_someone_are_no_acts() -> None:
    """"seized on the letter" takes up an argument and "credited X with" praises: no property seized, no credit
    given (stop 82, PolNeAR's texts); weapons seized stay a seizure."""
    _assert_no_event("Republicans seized on the FBI letter to attack Hillary Clinton.", types=("COERCE",))
    _assert_no_event("Obama has credited Angela Merkel with saving the euro.", types=("AID",))
    _assert_event("Iraqi police seized weapons from the militia in Basra.", "COERCE", "IRQCOP")


def test_a_question_asked_is_no_request() -> None:
    """"asked X about Y", "asked why", "must ask: ...?" put a question, no appeal or request (CAMEO 020 asks for
    something; stop 82, PolNeAR's texts and the html-en pages); "asked X to do" and "asked for" stay requests."""
    _assert_no_event("Republican lawmakers asked the ambassador about his contacts with Ukrainian officials.",
                     "Asked about the sanctions, the Kremlin spokesman said Moscow would respond.",
                     "Reporters asked Merkel why Germany had blocked the deal.",
                     "The senator continued to ask, “Who will pay for the wall?”",
                     "We must ask: who benefits from a trade war with China?", types=("REQUEST",))
    _assert_event("Senator Warren asked Obama to fire the SEC chairman.", "REQUEST")
    _assert_event("The opposition asked voters to think about the cost of the war in Iraq.", "REQUEST")
    _assert_event("The US embassy in Moscow asked the Russian government for an explanation.", "REQUEST", "USAGOV")


def test_words_back_starts_are_no_backing() -> None:
    """"backstroke", "backlit", "back-biting", "back-and-forth" are no support (stop 82, html-en pages); "backed"
    stays backing."""
    _assert_no_event("Phelps won the 100 metre backstroke in Beijing on Saturday.",
                     "The new Microsoft keyboard is backlit, unlike Apple's.",
                     "After months of back-and-forth between Serbia and Kosovo, the talks ended.",
                     "The emails describe the back-biting nature of the Clinton campaign.", types=("SUPPORT",))
    _assert_event("France backed Germany's proposal on Monday.", "SUPPORT", "FRA")


def test_market_and_casing_words_are_no_acts() -> None:
    """"demonstrates that" shows, "bond yields" and "crop yields" return, "investment demand" and "supply and
    demand" are the market's, an "ice shell" is a casing (stop 82, html-en pages): no protest, concession, demand
    or shelling; a street demonstration, a demand on a party and shelling stay."""
    _assert_no_event("The prosecutor said the case demonstrates that threats against lawmakers are crimes.",
                     types=("PROTEST",))
    _assert_no_event("Low bond yields in India attracted investors from China.",
                     "The programme trained farmers in Kenya to improve their crop yields.", types=("CONCEDE",))
    _assert_no_event("The Indian government has limited fiscal capacity to support investment demand.",
                     "Oil prices in Russia depend on supply and demand.", types=("REQUEST",))
    _assert_no_event("NASA said Europa hides an ocean beneath its ice shell.", types=("ASSAULT",))
    _assert_event("Thousands of students demonstrated against the government in Hong Kong.", "PROTEST")
    _assert_event("The opposition demanded the resignation of the Serbian government.", "REQUEST")
    _assert_event("Syrian troops shelled rebel positions near Aleppo.", "ASSAULT")


def test_a_role_takes_no_country_from_its_target() -> None:
    """"Russia was accused by officials" in a report about the United States: the officials are not Russia's
    (stop 82, PolNeAR's texts: "Government officials have already officially accused Russia ... a previous hack");
    the document's country stays the fallback, and a role next to its country keeps it."""
    ctx = "The United States Congress debated the election in Washington on Monday. "
    evs = _events(ctx + "Russia was accused by officials of hacking the Democratic National Committee.")
    assert ("ACCUSE", "accused", "USAGOV", "RUS") in evs, evs
    evs = _events(ctx + "Iran was warned by officials on Monday.")
    assert ("THREATEN", "warned", "USAGOV", "IRN") in evs, evs
    _assert_event(ctx + "Russian officials accused Ukraine of shelling Donetsk.", "ACCUSE", "RUSGOV")


def test_an_officials_rally_is_no_protest() -> None:
    """A president's or a candidate's rally meets supporters, no demonstration against anyone (stop 82, PolNeAR's
    texts: "President Barack Obama planned to rally in Ann Arbor, Michigan Monday"); dissidents' rallies stay."""
    _assert_no_event("President Barack Obama held a rally in Philadelphia on Monday.",
                     "President Barack Obama planned to rally in Ann Arbor on Monday.", types=("PROTEST", "THREATEN"))
    _assert_event("Thousands of opposition supporters rallied in Moscow against Putin.", "PROTEST")


def test_denying_an_accusation_is_no_rejection() -> None:
    """Denying what one is accused of is CAMEO 016 (deny responsibility), which PLOVER does not code: no REJECT
    (stop 82, PolNeAR's texts and the html-en pages); a request or an entry denied stays a rejection."""
    _assert_no_event("The Kremlin has denied the claims, calling them a provocation.",
                     "Hong Kong police deny accusations of brutality.",
                     "Prince Andrew denied having any contact with the Russian agents.",
                     "The Syrian government denied that its forces had used chemical weapons.", types=("REJECT",))
    _assert_event("Hungary denied entry to the Syrian refugees on Monday.", "REJECT")


def test_poll_counts_and_device_features_are_no_backing() -> None:
    """A poll's share of voters and a device's "color support" or "Wi-Fi 6 support" back no one (stop 82, PolNeAR's
    texts and the html-en pages); a party's backing stays."""
    _assert_no_event("Just 60 percent of Ukrainians support Zelensky, a new poll shows.",
                     "Macron drew support from 40 percent of voters in the poll.",
                     "Samsung's new phone has Wi-Fi 6 support and wide color support.", types=("SUPPORT",))
    _assert_event("Germany supports Ukraine's bid to join the European Union.", "SUPPORT", "DEU")


def test_illnesses_are_no_attacks_or_seizures() -> None:
    """"a heart attack", "epileptic seizures" are illnesses: no assault, no seizure (stop 82, html-en pages); an
    attack by a party stays."""
    _assert_no_event("The former Iraqi minister died in Baghdad of a heart attack.", types=("ASSAULT",))
    _assert_no_event("The Russian athlete suffered epileptic seizures in Moscow.", types=("COERCE",))
    _assert_event("Iraqi insurgents attacked a police station in Baghdad.", "ASSAULT")
