"""Bulgarian quotes of web articles (stops 73-74): beliefs and rumours said by no one named, dialogue after a colon
and its dashed turns, who speaks through a relative clause, numbered lists of a person's sayings."""

from __future__ import annotations

from quote_rows import Row, quote_rows

from vestnik.document import Document
from vestnik.pipeline import Resources
from vestnik.quotes.stage import quotes_stage

RES = Resources()


def spans(text: str) -> list[Row]:
    return quote_rows(quotes_stage(Document(text=text, language="bg", published="2017-04-10"), RES))


def test_bulgarian_what_is_believed_or_rumoured_by_no_one_named() -> None:
    got = spans("Съществуването на планетата не е потвърдено научно, но се смята, че тя обикаля около Слънцето по "
                "голяма орбита. От дни се говори, че бабата на рожденика се е прибрала от САЩ.\n\n"
                "Смята се, че всяка рана зараства на този ден много бързо.\n")
    assert ("тя обикаля около Слънцето по голяма орбита", "се смята", None, False) in got
    assert ("бабата на рожденика се е прибрала от САЩ", "се говори", None, False) in got  # ("дни" is when, not who)
    assert ("всяка рана зараства на този ден много бързо", "Смята се", None, False) in got


def test_bulgarian_belief_with_no_clause_or_only_possible_reports_nothing() -> None:
    got = spans("В Брюксел се говори за възможност за наказание на Великобритания, в случай, че наруши правилата. "
                "Има основания да се смята, че цените ще паднат. Иван се смята за лидер на партията.\n")
    assert got == []


def test_bulgarian_a_turn_of_dialogue_after_a_cue_and_a_colon() -> None:
    got = spans("Войниците са строени на плаца. Командирът обяснил: - Си бил на море у воду? Радиото отговорило:- "
                "По принцип да, но не в Москва. Накрая той отвърна замислено: – Ако се държим така, ще загубим.\n")
    assert ("Си бил на море у воду", "обяснил", "Командирът", False) in got
    assert ("По принцип да, но не в Москва", "отговорило", "Радиото", False) in got
    assert ("Ако се държим така, ще загубим", "отвърна", "той", False) in got


def test_bulgarian_a_list_after_a_colon_and_a_dash_is_no_turn() -> None:
    got = spans("Представителите на новата раса ще имат: – поразвита ДНК с уникални свойства.\n")
    assert got == []


def test_bulgarian_a_hint_an_oath_a_boast_a_signal_before_that() -> None:
    got = spans("Самият президент дори е намеквал, че жена му движи нещата в живота му. Жената се кълне, че не е "
                "виждала парите. Наш читател ни сигнализира, че пътят е заледен. Учените смятаха, че неговата дейност "
                "е значима.\n")
    assert ("жена му движи нещата в живота му", "намеквал", "Самият президент", False) in got
    assert ("не е виждала парите", "кълне", "Жената", False) in got
    assert ("пътят е заледен", "сигнализира", "Наш читател", False) in got
    assert ("неговата дейност е значима", "смятаха", "Учените", False) in got


def test_bulgarian_praise_a_thing_that_bodes_and_dealing_with_someone_report_nothing() -> None:
    got = spans("Министърът похвали полицаите за бързата реакция. Южният вятър вещае добро плодородие. Те заплашват, "
                "че сами ще се разправят с нея. Повечето класове не са отговорили утвърдително.\n")
    assert [q[0] for q in got] == ["сами ще се разправят с нея"]


def test_bulgarian_a_seer_speaks_in_a_headline_and_after_according_to() -> None:
    got = spans("Екстрасенс: Третата световна война ще започне на 13 май\n\nСпоред астролога Влад Рос най-опасният ден "
                "ще е 13 октомври.\n")
    assert ("Третата световна война ще започне на 13 май", ":", "Екстрасенс", False) in got
    assert ("най-опасният ден ще е 13 октомври", "Според", "астролога Влад Рос", False) in got


def test_bulgarian_a_sentence_written_against_a_quote_s_closing_mark_is_its_own() -> None:
    got = spans("Запитан дали има вариант да се коалират с ГЕРБ, той заяви: „Естествено, че има вариант.“Симеонов "
                "отново потвърди позицията си, че изборите са били ненужни.\n")
    assert ("Естествено, че има вариант", "заяви", "той", True) in got
    assert ("изборите са били ненужни", "потвърди", "Симеонов", False) in got
    assert len(got) == 2  # (not "Запитан дали има вариант ...", said by no one)


def test_bulgarian_whom_a_plural_cue_asked_before_the_colon_is_no_speaker() -> None:
    got = spans("Попитали Радио Ереван: - Вярно ли е, че в Москва са му подарили кола? Радиото отговорило: - По "
                "принцип да.\n")
    assert ("Вярно ли е, че в Москва са му подарили кола", "Попитали", None, False) in got
    assert ("По принцип да", "отговорило", "Радиото", False) in got


def test_bulgarian_a_small_letter_before_a_full_stop_ends_the_sentence() -> None:
    got = spans("Дори се говори, че тя стои зад бизнес идеите на мъжа й. Характерът ѝ е твърд. Той живее в района "
                "на р. Дон и каза, че ще остане там.\n")
    assert ("тя стои зад бизнес идеите на мъжа й", "се говори", None, False) in got  # (not up to "твърд")
    assert ("ще остане там", "каза", "Той", False) in got  # ("р." is the river's: no end)


def test_bulgarian_the_retold_copula_and_a_manner_adverb_are_not_the_speaker() -> None:
    got = spans("Ванга обаче била категорична, че костите му са в река Искър. „Все едно ще победим“, казва внезапно "
                "той. „Чувствам топлина в ръцете“, разказва простичко Виктор Петров. Съвсем наскоро политологът "
                "Ричард Саудер сподели, че някой изгражда бази. „Тук всички сме за Брекзит“, каза 80-годишният Бил "
                "Пиърсън.\n")
    assert ("костите му са в река Искър", "категорична", "Ванга", False) in got
    assert ("Все едно ще победим", "казва", "той", True) in got
    assert ("Чувствам топлина в ръцете", "разказва", "Виктор Петров", True) in got
    assert ("някой изгражда бази", "сподели", "политологът Ричард Саудер", False) in got
    assert ("Тук всички сме за Брекзит", "каза", "80-годишният Бил Пиърсън", True) in got  # ("Бил" is a name)


def test_bulgarian_past_and_retold_belief_is_a_quote_of_no_one_named() -> None:
    got = spans("Котките били свещени животни. Вярвало се е, че котката ще пази задгробния дом на царя. Смяташе се, "
                "че ще вали цяла седмица.\n")
    assert ("котката ще пази задгробния дом на царя", "Вярвало се е", None, False) in got
    assert ("ще вали цяла седмица", "Смяташе се", None, False) in got


def test_bulgarian_a_list_of_a_person_s_sayings_is_theirs() -> None:
    from vestnik.pipeline import make_pipeline  # (the whole pipeline: the name is the entity layer's)

    doc = make_pipeline()(Document(text="Радой Ралин - 30 крилати мисли\n\n" + "Сайтът подбра своите любими мисли от неподражаемия Радой Ралин. 1.\"Ако народът не може да бъде "
                "целокупен, лесно ще стане изцяло купен!\" 2. \"Безсънието на гладния е най-честната телевизия.\"\n\n"
                + "".join(f"{n}. \"Журналистиката стане ли ялова, ражда ежедневно сензации номер {n}.\" "
                          for n in range(3, 12)) + "\n", id="t", published="2017-03-14"))
    got = [(doc.span_text(q.span), doc.span_text(q.speaker.span) or None) for q in doc.quotes]
    assert len(got) == 11
    assert all(q[1] == "Радой Ралин" for q in got)  # (the last ones too, far from the name)


def test_bulgarian_a_spaced_dash_after_a_verb_of_saying_opens_what_was_said() -> None:
    got = spans("Распутин говори за трета световна война. Ванга казва - брат ще върви срещу брат си, черна сянка ще "
                "се спусне над Европа. Всеки можел да говори открито това, което мисли — без страх от последствия. "
                "Никога не е казвал – няма да ти дам лечение.\n")
    assert ("брат ще върви срещу брат си, черна сянка ще се спусне над Европа", "казва", "Ванга", False) in got
    assert len(got) == 1  # (not after another cue, nor after a negation)


def test_bulgarian_a_relative_clause_s_antecedent_speaks() -> None:
    got = spans("Има хора, които вярват, че тя е част от висшата сила. Първият резултат е новина, която твърди, че "
                "ООН признава опитите. Търсачката показва сайтове, които твърдят, че никога не е имало динозаври.\n")
    assert ("тя е част от висшата сила", "вярват", "хора", False) in got
    assert ("ООН признава опитите", "твърди", "новина", False) in got
    assert ("никога не е имало динозаври", "твърдят", "сайтове", False) in got


def test_bulgarian_a_time_before_a_relative_clause_is_no_speaker() -> None:
    from vestnik.pipeline import make_pipeline  # (the whole pipeline: the time is the time layer's)

    doc = make_pipeline()(Document(text="Прогнози\n\nПрогнозите изтекоха в медиите миналата седмица, които "
                                   "посочваха, че икономиката ще се свие.\n", id="t", published="2017-04-10"))
    got = [(doc.span_text(q.span), doc.span_text(q.speaker.span) or None) for q in doc.quotes]
    assert got and all(q[1] != "медиите миналата седмица" for q in got)


def test_bulgarian_a_circumstance_that_opens_the_clause_is_not_the_speaker() -> None:
    got = spans("Малко след инцидента Мутафова споделила пред близките си, че нещо я блъснало. В разговора Борисов "
                "заяви, че България е готова. Пред парламентарната комисия министърът каза, че ще има избори.\n")
    assert ("нещо я блъснало", "споделила", "Мутафова", False) in got
    assert ("България е готова", "заяви", "Борисов", False) in got
    assert ("ще има избори", "каза", "министърът", False) in got


def test_bulgarian_a_name_joined_to_the_circumstance_stays_in_it() -> None:
    got = spans("Министърът по въпросите на Брекзит Дейвид Дейвис заяви, че няма сделка. По думите му преговарящите "
                "на ЕС и Великобритания са съгласни, че сделката е близо.\n")
    assert ("няма сделка", "заяви", "Министърът по въпросите на Брекзит Дейвид Дейвис", False) in got
    assert [q[2] for q in got if q[0] == "сделката е близо"] != ["Великобритания"]  # (after "и": one phrase)


def test_bulgarian_advice_and_a_charge_report_their_da_clause() -> None:
    got = spans("Ирландският премиер Лио Варадкар съветва Великобритания да обясни плановете си. Колежката ме посъветва "
                "да не тръгвам на път. Пророчицата заръчала на художника да изпълни желанието й. Самият Ленин се "
                "съветва с него как да защити столицата.\n")
    assert ("да обясни плановете си", "съветва", "Ирландският премиер Лио Варадкар", False) in got
    assert ("да не тръгвам на път", "посъветва", "Колежката", False) in got
    assert ("да изпълни желанието й", "заръчала", "Пророчицата", False) in got
    assert len(got) == 3  # (to take counsel is not to give it)


def test_bulgarian_an_agency_that_opens_its_note_s_clause_is_quoted() -> None:
    got = spans("Литва и Полша считат проекта за политически. РИА Новости отбелязва, че недоволни са и САЩ.\n\n"
                "Договорът ще бъде подписан в петък, отбелязва Франс прес.\n")
    assert ("недоволни са и САЩ", "отбелязва", "РИА Новости", False) in got
    assert all(q[2] != "Франс прес" for q in got)  # (the note after the news stays a source only)


def test_bulgarian_an_adverbial_clause_before_the_subject_is_not_said() -> None:
    got = spans("Както бе обявено и в Париж, и в Берлин, Вашингтон е предупредил своите европейски колеги за удара. "
                "На въпрос дали предсказанията съвпадат, Христо Нанев отговаря утвърдително. Ако Мей отстъпи за "
                "Брекзит, Великобритания ще изпадне в криза, заяви Найджъл Фараж.\n")
    assert [q[0] for q in got] == ["Ако Мей отстъпи за Брекзит, Великобритания ще изпадне в криза"]


def test_bulgarian_what_someone_was_called_is_no_quote() -> None:
    got = spans("Всяко малко момиче има своя любима кукла. Никога няма да забравя моята, казваше се Нели. В писмото се "
                "казва, че срещата е отложена.\n")
    assert [q[0] for q in got] == ["срещата е отложена"]


def test_bulgarian_a_plural_cue_asks_whom_its_phrase_names_and_the_question_ends_at_its_mark() -> None:
    got = spans("Питат радио Ереван:- Колко джуджета са нужни да завият една крушка?- Едно със стълба - те са ниски, "
                "не тъпи!\n\nКолегите се питаха как ще изкара до пенсия.\n")
    assert got == [("Колко джуджета са нужни да завият една крушка?", "Питат", None, False),
                   ("Едно със стълба - те са ниски, не тъпи!", None, None, True)]  # (the answer's turn)


def test_bulgarian_a_colon_after_how_and_to_whom_it_was_said_opens_the_words() -> None:
    got = spans("Президентът Румен Радев отговори мълниеносно на Гьокче: Няма да позволим намеса. Президентът Румен "
                "Радев изригна: Недопустимо е да се повтаря синдромът.\n")
    assert ("Няма да позволим намеса", "отговори", "Президентът Румен Радев", False) in got
    assert ("Недопустимо е да се повтаря синдромът", "изригна", "Президентът Румен Радев", False) in got


def test_bulgarian_the_turns_after_a_colon_s_turn_are_said() -> None:
    got = spans("Вуте попаднал във флота. Командирът обяснил: - Си бил на море у воду? - Да! - А влиза ли ти вода "
                "в ушите? - Не много. - Е, те така е и у подводницата. Действителен случай от казармата.\n")
    texts = [g[0] for g in got]
    assert "Да!" in texts
    assert "А влиза ли ти вода в ушите?" in texts
    assert "Не много" in texts
    assert "Е, те така е и у подводницата" in texts
    assert not any("Действителен" in t for t in texts)  # (no dash: the narrator again)
    assert all(g[3] for g in got if g[0] != "Си бил на море у воду")


def test_bulgarian_an_answer_written_on_against_the_question_s_mark_is_a_turn() -> None:
    got = spans("Питат радио Ереван:- Кои са повече от китайците?- Мераклиите! - А по-малко от албанците?- "
                "Късметлиите!\n")
    texts = [g[0] for g in got]
    assert texts[0] == "Кои са повече от китайците?"
    assert "Мераклиите!" in texts
    assert "А по-малко от албанците?" in texts
    assert "Късметлиите!" in texts


def test_bulgarian_a_dash_in_a_plain_text_opens_no_turn() -> None:
    got = spans("Министърът заяви: Ще има избори. - Нова идея се появи в парламента. - Депутатите гласуваха.\n")
    assert [g[0] for g in got] == ["Ще има избори"]


def test_bulgarian_a_person_s_label_with_a_dash_opens_a_turn() -> None:
    from vestnik.pipeline import make_pipeline  # (the label needs the tagger's name)

    doc = make_pipeline()(Document(text="Тръмп\n\nИнтервюто е отпреди години. Доналд Тръмп: - Не зная, но съм "
                                   "сигурен, че ще спечеля. Няма да играя, за да загубя.\n", id="t",
                                   published="2017-04-10"))
    got = [(doc.span_text(q.span), doc.span_text(q.speaker.span) or None, q.direct) for q in doc.quotes]
    assert ("Не зная, но съм сигурен, че ще спечеля", "Доналд Тръмп", True) in got


def _full(text: str) -> list[tuple[str, str | None]]:
    from vestnik.pipeline import make_pipeline  # (the owner needs the tagger's name)

    doc = make_pipeline()(Document(text=text, id="t", published="2017-04-10"))
    return [(doc.span_text(q.span), doc.span_text(q.speaker.span) or None) for q in doc.quotes]


def test_bulgarian_a_numbered_list_of_sayings_is_its_owner_s() -> None:
    got = _full("Заръките\n\nВсеки е отнесъл нещо. Вижте кои са най-важните заръки на Ванга: 1. Земята е нашата майка. "
                "Пазете я, почитайте я. 2. Не късайте цветята! Всяко цвете е като едно слънце. 3. Медицината прави "
                "чудеса. Така е в селото.\n")
    assert ("Земята е нашата майка. Пазете я, почитайте я", "Ванга") in got
    assert ("Не късайте цветята! Всяко цвете е като едно слънце", "Ванга") in got
    assert ("Медицината прави чудеса", "Ванга") in got  # (the last item: up to its sentence's end)


def test_bulgarian_a_list_s_owner_may_open_the_sentence_with_an_office() -> None:
    got = _full("НАТО\n\nМинистърът на отбраната на САЩ Джеймс Матис с две взаимно изключващи се изказвания за НАТО: "
                "1) Вашингтон ще защитава страните-членки на Алианса. 2) Вашингтон ще ограничи своето участие в него. "
                "Тръмп постави ултиматум.\n")
    who = "Министърът на отбраната на САЩ Джеймс Матис"
    assert ("Вашингтон ще защитава страните-членки на Алианса", who) in got
    assert ("Вашингтон ще ограничи своето участие в него", who) in got


def test_bulgarian_a_numbered_list_with_no_sayings_noun_is_no_quote() -> None:
    got = _full("Правила\n\nДокументи за кандидатстване: 1. Заявление по образец. 2. Копие от диплома за висше "
                "образование. 3. Автобиография.\n")
    assert got == []


def test_bulgarian_a_short_quoted_saying_of_a_list_is_its_owner_s() -> None:
    got = _full("Мисли\n\nСайтът подбра своите любими мисли от неподражаемия Радой Ралин. 1. \"Безсънието на гладния е "
                "най-честната телевизия.\" 2. \"Съединението прави салата.\" 3. \"Спестяваната съвест се олихвява.\" "
                "Епиграми „Бедността не е порок, а урок.“„Битата крава мляко не дава.“\n\nОще: „Добър ден“.\n")
    said = {q for q, who in got if who == "Радой Ралин"}
    assert {"Съединението прави салата", "Спестяваната съвест се олихвява", "Битата крава мляко не дава"} <= said
    assert not any(q == "Добър ден" for q, _ in got)  # (two words after a colon, no list's: no saying)


def test_bulgarian_a_dialogue_s_label_of_a_word_or_two_before_a_dash_names_who_speaks() -> None:
    got = spans("Щирлиц се връща у дома. Тя: - Ето виждаш ли какво значи вярност! Той: - Хехе, тя си е мислила така! "
                "Тайната вечеря. Исус:- Маса за 26, моля!- Ама вие сте само 13?!\n\nВнимание: лесно е.\n")
    assert ("Ето виждаш ли какво значи вярност!", ":", "Тя", True) in got
    assert ("Хехе, тя си е мислила така!", ":", "Той", True) in got
    assert ("Маса за 26, моля!", ":", "Исус", True) in got
    assert ("Ама вие сте само 13?!", None, None, True) in got
    assert not any(g[0] == "лесно е" for g in got)  # (no dash after the colon: no dialogue's label)


def test_bulgarian_a_time_before_the_cue_is_when_not_who() -> None:
    got = _full("Пророкът\n\nМексиканецът се обяви за пратеник на Бога. Той още през 2015 година е пророкувал, че "
                "Доналд Тръмп ще спечели изборите. Премиерката знае това и миналата седмица повтори, че излизането "
                "ще отнеме време. В Германия анкета тази седмица установи, че мнозинството е против. Ректорът все пак "
                "призна, че таксите ще растат.\n")
    assert ("Доналд Тръмп ще спечели изборите", "Той") in got
    assert ("излизането ще отнеме време", "Премиерката") in got
    assert ("мнозинството е против", "анкета") in got
    assert ("таксите ще растат", "Ректорът") in got


def test_bulgarian_a_memory_a_comment_a_hint_after_the_quote_name_who_spoke() -> None:
    got = spans("„Бяхме млади и вярвахме на всичко.“, спомня си бившият учител. „Мисля, че скоро ще открият още "
                "гробници“, изкоментира археологът. „Тя знаеше много повече, отколкото казваше“, загатна още "
                "художникът. Той още си спомня първата им среща.\n")
    assert ("Бяхме млади и вярвахме на всичко", "спомня си", "бившият учител", True) in got
    assert ("Мисля, че скоро ще открият още гробници", "изкоментира", "археологът", True) in got
    assert ("Тя знаеше много повече, отколкото казваше", "загатна", "художникът", True) in got
    assert len(got) == 3  # (no words of "си спомня" before its object)


def test_bulgarian_whom_it_was_told_after_the_cue_is_no_speaker() -> None:
    got = spans("Пътниците чакаха на летището. Казаха ни, че полетът е отложен заради мъглата. Селото опустя, казват "
                "ни. „Ще се видим пак“, каза ми тогава той.\n")
    assert ("полетът е отложен заради мъглата", "Казаха", None, False) in got
    assert ("Селото опустя", "казват", None, False) in got
    assert ("Ще се видим пак", "каза", "той", True) in got


def test_bulgarian_a_headline_naming_a_prophecy_and_its_owner_after_a_banner() -> None:
    for text, content, speaker in (
            ('САМО В ПИК И "РЕТРО"! Ванга със страховито пророчество: Ще има нов потоп на Земята\n\nВ последните '
             'години от живота си Ванга говореше често за морето.\n', "Ще има нов потоп на Земята", "Ванга"),
            ("Зловещо предсказание на пророк:Нова световна война тръгва от скандал между САЩ и Русия\n\nВ социалните "
             "мрежи върви бурна дискусия.\n", "Нова световна война тръгва от скандал между САЩ и Русия", "пророк"),
            ("Сензация в ПИК и „Ретро“! Ванга: Людмила Живкова е жива!\n\nТайно пророчество на Ванга, дадено преди "
             "години.\n", "Людмила Живкова е жива!", "Ванга")):
        assert (content, speaker) in _full(text)


def test_bulgarian_whom_a_question_was_asked_before_the_colon_is_no_speaker() -> None:
    got = spans("Председател на донаборна комисия пита поредния донаборник: - Къде желаете да служите? - Вие какво, "
                "шегувате ли се? Вуте попаднал във флота и попитал командира си: - Как се изстрелва торпедото? "
                "Командирът обяснил: - Си бил на море у воду? - Да! - А влиза ли вода? - Не.\n")
    assert ("Къде желаете да служите", "пита", "Председател на донаборна комисия", False) in got
    assert ("Как се изстрелва торпедото", "попитал", None, False) in got
    assert ("Не", None, None, True) in got  # (a turn of two letters)


def test_bulgarian_a_quoted_term_inside_the_words_after_a_cue_s_colon() -> None:
    got = spans("От последните минути. Президентът изригна: Недопустимо е да се повтаря синдромът „Чернобил“ и никой да "
                "не носи отговорност. А баба Иванка ни успокоява: Нищо, имаме вино да се \"баняме\".\n")
    assert ("Недопустимо е да се повтаря синдромът „Чернобил“ и никой да не носи отговорност", "изригна",
            "Президентът", False) in got
    assert ("Нищо, имаме вино да се \"баняме\"", "успокоява", "баба Иванка", False) in got


def test_bulgarian_a_label_run_on_after_a_quote_s_closing_mark_up_to_a_credit_line() -> None:
    got = _full("Избори\n\nВалери Симеонов говори пред журналисти. Той директно попита Бойко Борисов: \"Защо беше нужно "
                "това упражнение?\" Симеонов: Блокадата на турската граница започва в 11.00 часа и ще продължи след "
                "изборите   Редактор: Деница Райкова\n")
    assert ("Блокадата на турската граница започва в 11.00 часа и ще продължи след изборите", "Симеонов") in got


def test_bulgarian_a_colon_and_a_dash_open_a_turn_after_any_clause_but_not_a_list() -> None:
    got = spans("Действителен случай от казармата. На един от войниците са му дали 2 различни номера кубинки: – Г‘син "
                "старшина, кубинките ми са различни. – Е ти к‘во искаш? Войниците са строени на плаца. Поздравява ги: "
                "- Здравейте войници!\n\nПримери за такива инфекции има много: - Властта взема решение за построяване "
                "на паметник; - Властта иска да строи АЕЦ.\n")
    assert ("Г‘син старшина, кубинките ми са различни", None, None, True) in got
    assert ("Е ти к‘во искаш?", None, None, True) in got
    assert ("Здравейте войници!", None, None, True) in got
    assert not any(g[0].startswith("Властта") for g in got)  # (a list's first item: no one asks or exclaims)


def test_bulgarian_reported_speech_of_a_group_or_an_unnamed_third_party_inside_a_quote() -> None:
    """(stop 78) Inside a quote, "Пациентите казват, че ..." and "Казаха ни, че ..." report someone else's words;
    "Убедена съм, че ..." is the speaker's own view."""
    got = spans("„Ръцете ми започват да парят след всяка процедура. Пациентите казват, че усещат топлина и "
                "спокойствие“, разказва лечителката. „Чакахме на летището цяла нощ. Казаха ни, че след два часа "
                "можело да излетим, но не се случи“, оплака се пътничката. „Трудно е, но убедена съм, че съюзът ще "
                "стане по-силен след всичко това“, изтъкна министърката.\n")
    assert ("усещат топлина и спокойствие", "казват", "Пациентите", False) in got
    assert ("след два часа можело да излетим, но не се случи", "Казаха", None, False) in got
    assert not any(q[0].startswith("съюзът ще стане") for q in got)


def test_bulgarian_how_it_was_said_between_the_speaker_and_the_cue_is_no_speaker() -> None:
    """(stop 78) "Борисов в прав текст каза", "тя със смирение и тиха радост отвърнала": the phrase after the
    preposition says how; the name or pronoun before it speaks."""
    from vestnik.pipeline import make_pipeline

    doc = make_pipeline()(Document(
        text="Премиерът Бойко Борисов в прав текст каза, че правителството няма да подаде оставка. Тогава тя със "
             "смирение и тиха радост отвърнала: „Нека бъде по думите ти“.", language="bg", published="2017-04-10"))
    got = {doc.span_text(q.span): doc.span_text(q.speaker.span) for q in doc.quotes}
    assert got["правителството няма да подаде оставка"] == "Премиерът Бойко Борисов"
    assert got["Нека бъде по думите ти"] == "тя"


def test_bulgarian_what_is_not_ruled_out_its_object_or_its_clause() -> None:
    """(stop 78) "не изключва" reports its noun object ("не изключва и референдум в Русия") or its "че" clause; inside
    another cue's "че" clause it is part of those words, no quote of its own."""
    got = spans("Ясновидката не изключва и референдум в Русия. Министърът не изключи, че ще подаде оставка. "
                "Премиерът заяви, че не изключва възможността да не се стигне до споразумение.\n")
    assert ("референдум в Русия", "не изключва", "Ясновидката", False) in got
    assert ("ще подаде оставка", "не изключи", "Министърът", False) in got
    assert [q[0] for q in got if q[0].startswith("възможността")] == []
