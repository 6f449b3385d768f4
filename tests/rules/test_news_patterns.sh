#!/bin/bash
# test_news_patterns.sh: interaction patterns of general news English, end
# to end (text, actors and extract stages together), one short document a
# case. Sentences written for this test in our own words, not taken from
# any article: mostly invented people and organizations, real countries
# (the actors stage must know them), and a few real leaders' names as
# facts in situations we made up; annotation.md says what each should give.
#
# Case lines in cases.txt: WANT|NOT TYPE SOURCE TARGET | sentence
#   SOURCE/TARGET are actor ids as the extractor writes them ("KEN",
#   "national-liberation-army"); for call and meet either direction counts.
#   WANT: the event must be there; NOT: it must not.
set -u
A=${ACTORNET:?}
DATA=${SRCDIR:?}/data
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

"$A" extract --help >/dev/null 2>&1 || { echo "extract not available" >&2; exit 77; }

cat >"$T/cases.txt" <<'CASES'
# an office holder the text never names stands for the country (annotation.md §1)
WANT criticize KEN ETH | Kenya's foreign minister criticized Ethiopia on Monday for closing the border.
WANT praise DEU FRA | Germany's chancellor praised France for its help on Tuesday.
WANT meet GHA QAT | Ghana's president met the emir of Qatar in Doha on Sunday.
# "the leaders of A and B met": the second conjunct shares the first one's PP
WANT meet EGY JOR | The foreign ministers of Egypt and Jordan met in Cairo on Monday.
WANT meet GHA NGA | The leaders of Ghana and Nigeria held talks in Accra on Wednesday.
# summits are meetings
WANT meet KEN UGA | The presidents of Kenya and Uganda held a summit in Kampala on Monday.
WANT meet GHA NGA | Ghana and Nigeria held a summit in Abuja on Thursday.
WANT meet KEN UGA | Kenya held a summit with Uganda in Nairobi on Monday.
# the topic of talks is no party to them
NOT meet FRA UKR | France held talks on Ukraine in Paris on Monday.
NOT meet KEN SDN | Kenya held a summit about the future of Sudan on Friday.
WANT meet FRA DEU | France held talks on Ukraine with Germany on Monday.
NOT brief KEN SOM | Kenya briefed lawmakers about Somalia on Tuesday.
# a host and its guests: "brought A and B together" is a meeting of all three;
# "hosted talks between A and B" makes A and B parties (the host too: test_mutual.c)
WANT meet EGY ISR | Egypt brought Israeli and Hamas envoys together at a hotel in Cairo over the weekend.
WANT meet EGY hamas | Egypt brought Israeli and Hamas envoys together at a hotel in Cairo over the weekend.
WANT meet ISR hamas | Egypt brought Israeli and Hamas envoys together at a hotel in Cairo over the weekend.
WANT meet TUR hamas | Turkey hosted Israeli and Hamas delegations in Ankara on Monday.
WANT meet COL national-liberation-army | Norway hosted talks between Colombia and the ELN in Oslo on Monday.
# persons' titles after two countries stand for the persons, not the countries
NOT meet JPN KOR | Japanese and South Korean leaders met in Seoul on Monday.
# counterpart apposition: the person named, not the country before the title
WANT call mary-colton peter-kalo | New Zealand Trade Minister Mary Colton talked by phone with her Fijian counterpart, Peter Kalo, on Friday.
NOT call mary-colton FJI | New Zealand Trade Minister Mary Colton talked by phone with her Fijian counterpart, Peter Kalo, on Friday.
NOT meet mary-colton NZL | Australian Foreign Minister Mary Colton met her New Zealand counterpart, Peter Kalo, in Canberra on Monday.
# "the president of X, Y": Y, even when the actors stage took "the president" for an earlier holder
WANT meet william-ruto kofi-mensah | Ghanaian President John Mahama praised Nigeria on Monday. Kenyan President William Ruto later met the president of Ghana, Kofi Mensah, who took office last week.
NOT meet william-ruto john-mahama | Ghanaian President John Mahama praised Nigeria on Monday. Kenyan President William Ruto later met the president of Ghana, Kofi Mensah, who took office last week.
# "the emir of Qatar" when the text names no emir: Qatar, not the Qatari prime minister
WANT praise william-ruto QAT | Kenyan President William Ruto had a phone call with Qatari Prime Minister Sheikh Ahmed Al Kuwari on Friday. Later Ruto praised the emir of Qatar for the mediation.
NOT praise william-ruto ahmed-al-kuwari | Kenyan President William Ruto had a phone call with Qatari Prime Minister Sheikh Ahmed Al Kuwari on Friday. Later Ruto praised the emir of Qatar for the mediation.
WANT praise william-ruto tamim-bin-hamad-al-thani | Sheikh Tamim bin Hamad Al Thani received Kenyan President William Ruto in Doha on Friday. Later Ruto praised the emir of Qatar for the mediation.
WANT praise william-ruto tamim-bin-hamad-al-thani | Emir Sheikh Tamim bin Hamad Al Thani received Kenyan President William Ruto in Doha on Friday. Later Ruto praised the emir of Qatar for the mediation.
# a participle phrase between commas, or opening the sentence, keeps the subject
WANT criticize william-ruto SDN | Kenyan President William Ruto, speaking after talks with Ghanaian President John Mahama in Accra, criticised Sudan.
WANT meet william-ruto john-mahama | Speaking after talks with Ghanaian President John Mahama in Accra, Kenyan President William Ruto criticised Sudan.
# letters: "told X in a letter"
WANT message GHA TGO | Ghana told Togo in a letter on Monday that the border would reopen.
NOT message GHA TGO | Ghana told Togo on Monday that the border would reopen.
# "joined the two leaders by video": the pair named just before
WANT call william-ruto bola-tinubu | Ghanaian President John Mahama met Nigerian President Bola Tinubu in Abuja on Monday. The talks covered trade. Both sides called them useful. That evening Kenyan President William Ruto joined the two leaders by video.
WANT call william-ruto john-mahama | Ghanaian President John Mahama met Nigerian President Bola Tinubu in Abuja on Monday. The talks covered trade. Both sides called them useful. That evening Kenyan President William Ruto joined the two leaders by video.
# an act stands for its agent, named up to ten sentences back: "condemned the coup"
WANT criticize GHA military-council-for-renewal | Mediators flew to Niamey on Monday to meet the Military Council for Renewal, which seized power in Niger a week earlier. The talks lasted three hours. The mediators said little. Roads were calm. Shops opened. Flights resumed. Banks stayed shut. Ghana condemned the coup on Tuesday.
WANT support AUS FJI | Fiji patrol boats seized a foreign trawler on Sunday. The crew was detained. The owner was not reached. Officials said more patrols would follow. The boat was towed to port. A court will hear the case. Nobody was hurt. Australia backed the seizure on Monday.
# "the (adjectives) leader" as an epithet of the one person the sentence before named;
# a phrase between commas may stand between the title and its verb
WANT accuse william-ruto UGA | Kenyan President William Ruto's speech in Kampala set off a row between Kenya and Uganda. The East African leader, without naming anyone, accused Uganda of meddling.
NOT accuse william-ruto UGA | Kenyan President William Ruto's talks with Ugandan President Yoweri Museveni set off a row. The East African leader, without naming anyone, accused Uganda of meddling.
WANT criticize anna-berglund RUS | Norwegian Foreign Minister Anna Berglund visited Oslo on Monday. Officials said the visit went well. The minister, speaking to reporters, criticised Russia.
# every pair of a meeting's subjects meets; "and with B" repeats the preposition; handshakes
WANT meet javier-milei gabriel-boric | Lula, Milei and Boric met in Brasilia on Monday.
WANT meet luiz-inacio-lula-da-silva gabriel-boric | Lula met separately with Milei and with Chilean President Gabriel Boric on Monday.
WANT meet luiz-inacio-lula-da-silva javier-milei | Lula and Milei shook hands at the summit on Monday.
# naming is no phone call, whoever "him" was taken for
NOT call javier-milei luiz-inacio-lula-da-silva | Milei accused Lula of interfering in Argentina's election and called him a communist.
# the victim of a condemned act is no target; its agent after "by" is
NOT criticize DEU ISR | Germany condemned the attacks on Israel on Monday.
WANT criticize DEU hamas | Germany condemned the attack on Israel by Hamas on Monday.
NOT criticize amnesty-international william-ruto | Amnesty International criticised the arrest of Kenyan President William Ruto.
WANT criticize DEU HUN | Germany condemned the decision of Hungary to block the aid.
# an amount before an aid noun: the light verb's subject gives it
WANT support world-bank KEN | The World Bank approved a 500 million dollar loan to Kenya on Tuesday.
# floating quantifiers, repeated "by", "their meeting"
WANT criticize AUS CHN | Japan and Australia both condemned China on Monday.
WANT praise anthony-albanese narendra-modi | Indian Prime Minister Narendra Modi was congratulated by Japanese Prime Minister Fumio Kishida and by Australian Prime Minister Anthony Albanese.
WANT meet JPN IND | Japan and India signed five agreements at their summit in Tokyo on Monday.
WANT meet narendra-modi fumio-kishida | Modi and Kishida discussed trade during their talks in Tokyo.
# "rejected X's accusations": X accuses the subject; "any attack" is hypothetical
WANT criticize CHN IND | India rejected China's criticism of the dam project as baseless on Monday.
WANT accuse RUS UKR | Ukraine dismissed Russia's accusations on Tuesday.
NOT attack CHN TWN | The United States warned China against any attack on Taiwan.
NOT accuse ISR TUR | Turkey dismissed Israel's accusations against Hamas on Monday.
# a name's words are no cues ("States" is no reporting verb)
WANT meet economic-community-of-west-african-states military-council-for-renewal | Envoys of the Economic Community of West African States flew into Bissau on Friday to hold talks with the Military Council for Renewal.
NOT meet GNB military-council-for-renewal | Envoys of the Economic Community of West African States flew into Bissau on Friday to hold talks with the Military Council for Renewal.
# "after meeting X": the gerund is the main subject's meeting; "the next meeting of X" is a noun
WANT meet john-mahama bola-tinubu | After meeting Nigerian President Bola Tinubu, Ghanaian President John Mahama criticised Togo.
WANT meet john-mahama bola-tinubu | "We will not accept this," Ghanaian President John Mahama said after meeting Nigerian President Bola Tinubu in Abuja.
NOT meet FIN nordic-council | Finland said it would bring the dispute up at the next meeting of the Nordic Council.
# "X told Y during a phone call": a call between them; an object noun ends before "during"
WANT call bola-tinubu john-mahama | Nigerian President Bola Tinubu told Ghanaian President John Mahama during a phone call on Monday that Nigeria would help.
WANT call bola-tinubu john-mahama | Nigerian President Bola Tinubu assured Ghanaian President John Mahama in a telephone conversation on Monday that Nigeria would help.
NOT meet bola-tinubu TGO | Nigerian President Bola Tinubu criticised Togo during a meeting of the regional bloc.
NOT criticize bola-tinubu john-mahama | Nigerian President Bola Tinubu criticised the plan during a meeting with Ghanaian President John Mahama.
# praise or blame said in a letter is also a message to its target; "a letter sent to X"
WANT message prabowo-subianto anwar-ibrahim | Indonesian President Prabowo Subianto commended Malaysian Prime Minister Anwar Ibrahim in a letter on Friday and asked him to come to Bali.
WANT praise prabowo-subianto anwar-ibrahim | Indonesian President Prabowo Subianto commended Malaysian Prime Minister Anwar Ibrahim in a letter on Friday and asked him to come to Bali.
NOT message anwar-ibrahim prabowo-subianto | Malaysian Prime Minister Anwar Ibrahim criticised Indonesian President Prabowo Subianto in a letter to the United Nations.
WANT message anwar-ibrahim united-nations | Malaysian Prime Minister Anwar Ibrahim criticised Indonesian President Prabowo Subianto in a letter to the United Nations.
WANT message john-mahama bola-tinubu | In a letter sent to Nigerian President Bola Tinubu on Monday, Ghanaian President John Mahama asked for help.
WANT call bola-tinubu john-mahama | Ghanaian President John Mahama got a phone call from Nigerian President Bola Tinubu on Monday.
# passive with an owned subject: the owner, as in the active voice; not a victim's organization
WANT criticize google european-union | The European Commission's new rules were criticised by Google and Microsoft.
WANT criticize FRA IRN | Iran's nuclear programme has been condemned by France.
NOT criticize TUR hamas | Hamas leader Ismail Haniyeh's killing was condemned by Turkey.
# "X denied that ... and accused Y": the second verb goes with the denial's subject, unnegated
WANT accuse GHA TGO | Ghana denied that it had armed the rebels and accused Togo of lying.
# an unnamed counterpart in a country's capital is that country
WANT call hakan-fidan IRN | Turkish Foreign Minister Hakan Fidan telephoned his counterpart in Tehran on Monday.
NOT call hakan-fidan IRN | Turkish Foreign Minister Hakan Fidan telephoned his ambassador in Tehran on Monday.
# "brought together A and B"; a meeting verb's partner is no actor in any PP ("under Kenyan mediation")
WANT meet ETH ERI | Kenya brought together Ethiopia and Eritrea for talks in Nairobi on Monday.
WANT meet KEN ERI | Kenya brought together Ethiopia and Eritrea for talks in Nairobi on Monday.
WANT meet ETH ERI | Ethiopia and Eritrea met in Nairobi under Kenyan mediation on Monday.
NOT meet ETH KEN | Ethiopia and Eritrea met in Nairobi under Kenyan mediation on Monday.
WANT meet abiy-ahmed ERI | Ethiopian Prime Minister Abiy Ahmed met on Sunday Eritrea's foreign minister, and the talks went well.
WANT attack RUS UKR | Russia pounded Ukrainian cities with missiles and drones on Monday.
# "X said Y was behind / to blame for": an accusation
WANT accuse IRN ISR | Iranian officials claimed that Israel was behind the attack on the embassy.
WANT accuse IRN ISR | Iran said Israel was to blame for the blast.
NOT accuse IRN USA | Iran said the United States was behind schedule on the payments.
# "A as well as B" coordinates; "such as" lists objects
WANT criticize FRA RUS | France as well as Germany condemned Russia on Monday.
WANT meet volodymyr-zelensky olaf-scholz | Zelensky met European leaders such as Macron and Scholz.
# cancelled talks are no meeting
NOT meet FRA RUS | France called off talks with Russia on Monday.
NOT meet FRA RUS | France broke off talks with Russia on Monday.
WANT meet FRA DEU | France wrapped up talks with Germany in Paris on Monday.
WANT attack RUS UKR | Russia stepped up attacks on Ukraine on Monday.
# "spoke with" is the call the document reports elsewhere, not a meeting too
WANT call antonio-guterres IRN | UN chief Guterres calls Iranian president. Guterres spoke with the Iranian president on Monday about the talks.
NOT meet antonio-guterres IRN | UN chief Guterres calls Iranian president. Guterres spoke with the Iranian president on Monday about the talks.
WANT call emmanuel-macron volodymyr-zelensky | French President Emmanuel Macron spoke with Ukrainian President Volodymyr Zelensky on Monday. During the call, Macron promised more air defence.
WANT meet emmanuel-macron volodymyr-zelensky | French President Emmanuel Macron spoke with Ukrainian President Volodymyr Zelensky in Kyiv on Monday. The two leaders then visited a hospital.
WANT criticize VNM CHN | Vietnam protested to China over the island construction on Monday.
# legal action is an accusation
WANT accuse european-union HUN | The European Commission took legal action against Hungary on Monday.
WANT accuse ZAF ISR | South Africa brought a genocide case against Israel at the World Court.
WANT accuse google apple | Google took Apple to court over its app store rules.
# "a resolution that condemned X": the relative "that" has no actor antecedent
NOT criticize RUS SYR | Russia vetoed a UN resolution that condemned Syria.
WANT support IRN RUS | Iran supplied drones to Russia, according to Ukraine.
WANT criticize GHA TGO | Ghana's parliament condemned Togo on Monday.
WANT criticize UKR RUS | Ukraine condemned the aggression of Russia on Monday.
WANT call emmanuel-macron olaf-scholz | Macron and Scholz talked on the phone on Monday.
WANT call emmanuel-macron olaf-scholz | Macron spoke with Scholz on the phone on Monday.
WANT message yoweri-museveni william-ruto | In a letter, Ugandan President Yoweri Museveni thanked Kenyan President William Ruto for his help.
NOT message yoweri-museveni SDN | In a letter to Kenyan President William Ruto, Ugandan President Yoweri Museveni criticised Sudan.
# the owner of a statement or letter speaks through it
WANT praise yoweri-museveni KEN | Ugandan President Yoweri Museveni's letter to Kenyan President William Ruto praised Kenya's role.
WANT criticize KEN SDN | Kenya's statement condemned Sudan on Monday.
# "X's A and its B": the possessive pronoun repeats the first owner
WANT support CHN RUS | The leaders raised China's trade surplus with the European Union and its support for Russia.
NOT support european-union RUS | The leaders raised China's trade surplus with the European Union and its support for Russia.
# an act of purpose after a call or meeting is directed at its partner (qclauses)
WANT support lena-varga tomas-ode | Kenyan Prime Minister Lena Varga phoned Ugandan President Tomas Ode on Friday to express her solidarity over the landslides.
WANT support william-ruto yoweri-museveni | Kenyan President William Ruto met Ugandan President Yoweri Museveni in Kampala to voice support for his peace plan.
WANT support william-ruto ETH | Kenyan President William Ruto phoned Ugandan President Yoweri Museveni to voice support for Ethiopia.
NOT support william-ruto yoweri-museveni | Kenyan President William Ruto phoned Ugandan President Yoweri Museveni to voice support for Ethiopia.
NOT support yoweri-museveni william-ruto | Kenyan President William Ruto met Ugandan President Yoweri Museveni, who later flew to Nairobi to express his support.
WANT support KEN UGA | Kenya expressed solidarity with Uganda on Monday.
# a condemned or backed act stands for its agent: an attack, a strike, a visit
WANT criticize SEN northern-front | The Northern Front attacked a police post in Kolda on Friday. Senegal condemned the attack a day later.
WANT criticize SEN northern-front | The Northern Front launched an attack on a police post in Kolda on Friday. Senegal condemned the attack on the post a day later.
WANT criticize chilean-chamber-of-commerce dockworkers-union | The Dockworkers Union started a strike at Valparaiso on Monday. The Chilean Chamber of Commerce denounced the strike on Wednesday.
WANT criticize peruvian-farmers-federation eirik-lund | Norwegian Trade Minister Eirik Lund flew to Lima on Friday for trade talks. The visit was criticised by the Peruvian Farmers Federation.
# a hyphenated pair of names before a meeting or call noun
WANT meet KEN UGA | Kenya held talks with Ethiopia on Sunday. Uganda joined later. The Kenya-Uganda talks ended on Monday.
WANT meet narendra-modi anthony-albanese | Narendra Modi praised Anthony Albanese. A Modi-Albanese meeting took place in Delhi on Monday.
WANT call USA CHN | The US and China traded barbs. The US-China phone call lasted two hours.
NOT meet KEN UGA | Kenya and Uganda clashed. The planned Kenya-Uganda border talks were postponed.
NOT meet KEN UGA | Kenya and Uganda clashed. The Kenya-Uganda trade war worsened.
# a participle phrase between commas after the subject is the subject's
WANT meet john-mahama bola-tinubu | Ghanaian President John Mahama, after meeting Nigerian President Bola Tinubu, flew to Lome.
NOT meet TGO bola-tinubu | Ghanaian President John Mahama, after meeting Nigerian President Bola Tinubu, flew to Lome.
WANT meet john-mahama bola-tinubu | Mahama, the Ghanaian president, after meeting Nigerian President Bola Tinubu, flew to Lome.
# talks ended are talks held; "both boards" are the pair just named
WANT meet SEN GMB | Senegal and Gambia concluded a week of negotiations over fishing rights in Banjul.
WANT meet SEN GMB | After a long quarrel, Senegal and Gambia wrapped up four days of talks on Friday.
WANT praise african-union nigeria-football-federation | The Ghana Football Association and the Nigeria Football Federation agreed on Monday. The African Union praised both boards on Monday.
# a host: "left a summit hosted by C"; "received A and B for talks" (not "for separate talks")
WANT meet african-union SEN | Senegal and Gambia left a summit hosted by the African Union in Addis Ababa after a quarrel over fishing.
WANT meet SEN GMB | Senegal and Gambia left a summit hosted by the African Union in Addis Ababa after a quarrel over fishing.
NOT meet KEN ETH | Ethiopia boycotted a summit hosted by Kenya.
WANT meet paolo-rivas amara-diop | Swiss President Ilse Brandt received Italian Prime Minister Paolo Rivas and Senegalese President Amara Diop in Bern for a morning of talks on Thursday.
NOT meet paolo-rivas amara-diop | Swiss President Ilse Brandt received Italian Prime Minister Paolo Rivas and Senegalese President Amara Diop in Bern for separate talks on Thursday.
# examples of a plural object: "met opposition leaders, among them X" / ", including X"
WANT meet piret-saar jaan-tamm | Estonian Foreign Minister Piret Saar later held talks with several lawmakers, among them Jaan Tamm.
WANT meet piret-saar jaan-tamm | Estonian Foreign Minister Piret Saar met union chiefs, including Jaan Tamm, on Friday.
# a subordinate clause inside an apposition or between commas after the subject keeps that subject
WANT meet oskar-lind piret-saar | Swedish Trade Minister Oskar Lind landed in Tallinn on Friday. Lind, the only Swedish minister to come to the city since the accord was concluded, later sat down with Foreign Minister Piret Saar.
WANT criticize GHA NGA | Ghana, after Togo had closed the border, criticised Nigeria.
WANT accuse TGO BEN | Ghana met Nigeria on Monday, after Togo had accused Benin of closing the border.
NOT accuse GHA BEN | Ghana met Nigeria on Monday, after Togo had accused Benin of closing the border.
# a long host phrase; "and the rebel X" is a conjunct
WANT meet MLI azawad-liberation-front | In Dakar on Friday, Senegalese President Amara Diop brought envoys of the Malian government and the rebel Azawad Liberation Front together.
WANT criticize SEN azawad-liberation-front | Senegal criticised Mali and the rebel Azawad Liberation Front on Friday.
# "his guest", "his host", "his counterpart" with no name: the partner of the subject's latest meeting or call
WANT praise diego-salas tomas-ode | Peruvian President Diego Salas hosted Chilean President Tomas Ode in Lima on Friday. Salas commended his guest for Chile's patience.
WANT praise william-ruto yoweri-museveni | Kenyan President William Ruto visited Kampala on Monday and met Ugandan President Yoweri Museveni. Ruto later praised his host.
NOT criticize william-ruto yoweri-museveni | Kenyan President William Ruto spoke with Ugandan President Yoweri Museveni on Monday. Ruto criticised his counterpart in Addis Ababa.
# "talks between the two sides": the pair just named
WANT meet PER ECU | Peru and Ecuador reopened their border. Talks between the two sides took place in Quito a week later.
# a named person may criticise or accuse their own country's government (not attack it, not through a pronoun)
WANT criticize marta-quispe PER | LIMA - Peruvian opposition leader Marta Quispe criticised the Peruvian government on Friday over rising fuel prices.
# "X, whose minister, Y, hosted Z": the apposition's name is the subject
WANT meet kari-dahl amara-diop | Senegalese Foreign Minister Amara Diop flew to Oslo for a conference on fisheries. The Norwegian foreign ministry, whose minister, Kari Dahl, hosted Diop on the first evening, gave no details.
NOT meet NOR amara-diop | Senegalese Foreign Minister Amara Diop flew to Oslo for a conference on fisheries. The Norwegian foreign ministry, whose minister, Kari Dahl, hosted Diop on the first evening, gave no details.
# a passive with an owned subject that carries a PP: the owner is the target
WANT support rosa-ibarra dockworkers-union | The Dockworkers Union's plea for higher wages was backed by Chilean Labour Minister Rosa Ibarra on Tuesday.
# "X's letter urged Y": the letter's owner wrote to the verb's object
WANT message GHA TGO | Ghana's letter urged Togo to reopen the border.
# "condemned X's visit and accused Y": the verb after "and" ends the owner's noun phrase
WANT criticize peruvian-farmers-federation eirik-lund | Norwegian Trade Minister Eirik Lund arrived in Lima. The Peruvian Farmers Federation denounced Lund's trip and accused the Norwegian government of hypocrisy.
NOT criticize peruvian-farmers-federation NOR | Norwegian Trade Minister Eirik Lund arrived in Lima. The Peruvian Farmers Federation denounced Lund's trip and accused the Norwegian government of hypocrisy.
# the antecedent of "which" is the noun phrase before a locative PP, not the place
WANT criticize FRA GMB | The French embassy in Dakar, which has repeatedly condemned Gambia's fishing rules, would not comment.
# a delegation stands for its head; donations are aid; "took X to task" is criticism
WANT meet william-ruto jeje-odongo | Kenyan President William Ruto welcomed a delegation led by Ugandan Foreign Minister Jeje Odongo on Monday.
NOT meet KEN african-union | Kenya and Uganda met in Nairobi in talks led by the African Union.
WANT support KEN UGA | Kenya donated vaccines to Uganda on Monday.
WANT criticize UGA KEN | Uganda took Kenya to task over the border closure.
# "X said he had written to Y": the pronoun after a reporting verb is its named subject
WANT message diego-salas rosa-ibarra | Chilean Mining Minister Rosa Ibarra met British envoy Tom Webb on Friday. Peru's ambassador in Santiago, Diego Salas, said he had written to Ibarra twice in May.
NOT message tom-webb rosa-ibarra | Chilean Mining Minister Rosa Ibarra met British envoy Tom Webb on Friday. Peru's ambassador in Santiago, Diego Salas, said he had written to Ibarra twice in May.
# headline commas, a measure before a fronted subordinator, a coordinated antecedent of "who"
WANT meet KEN UGA | Kenya, Uganda discuss border security
WANT meet william-ruto yoweri-museveni | A day after meeting Ugandan President Yoweri Museveni, Kenyan President William Ruto flew to Addis Ababa.
WANT meet william-ruto yoweri-museveni | Kenyan President William Ruto and Ugandan President Yoweri Museveni, who met in Nairobi on Monday, praised the deal.
NOT meet william-ruto samia-suluhu-hassan | Kenyan President William Ruto praised Ugandan President Yoweri Museveni, who met Tanzanian President Samia Suluhu Hassan on Monday.
NOT meet KEN UGA | Kenya plans to discuss the border with Uganda.
NOT criticize ahmed-duarte ROU | Romanian Prime Minister Ahmed Duarte criticised Romania over grain exports.
# received forms: "has come under fire from", "faced sharp criticism from", "got a call from"
WANT criticize UGA KEN | Kenya has come under fire from Uganda over the border closure.
WANT criticize UGA KEN | Kenya faced sharp criticism from Uganda on Monday.
WANT support UGA KEN | Kenya earned the support of Uganda for its bid.
WANT call yoweri-museveni william-ruto | Kenyan President William Ruto received a call from Ugandan President Yoweri Museveni on Monday.
# a quotation's first-person act is its speaker's, after a title with a demonym
WANT criticize william-ruto UGA | "We strongly condemn Uganda's actions," Kenyan President William Ruto said on Monday.
WANT praise william-ruto yoweri-museveni | "I thank President Museveni for his support," Kenyan President William Ruto said.
# an opening participle phrase before the fronted phrase; "After their meeting, A and B ..."
WANT meet william-ruto yoweri-museveni | Speaking to reporters after meeting Ugandan President Yoweri Museveni, Kenyan President William Ruto said trade would grow.
WANT meet william-ruto yoweri-museveni | Speaking to journalists in Kampala after talks with Ugandan President Yoweri Museveni, Kenyan President William Ruto said trade would grow.
WANT meet william-ruto yoweri-museveni | Speaking in Kampala after meeting Ugandan President Yoweri Museveni, Kenyan President William Ruto said trade would grow.
WANT meet KEN UGA | After their talks in Nairobi, Kenya and Uganda signed a deal.
# "their leaders/delegations met" after a pair: the pair
WANT meet KEN UGA | Kenya and Uganda signed a deal after their delegations held talks in Nairobi.
NOT meet UGA TZA | Kenya criticised Uganda and Tanzania. Later their leaders met in Arusha.
# a bare call noun: after a hyphenated pair; "raised X with Y during a call"
WANT call vladimir-putin xi-jinping | Russian President Vladimir Putin praised Chinese President Xi Jinping. The Putin-Xi call lasted an hour.
WANT call william-ruto yoweri-museveni | Kenyan President William Ruto raised the border issue with Ugandan President Yoweri Museveni during a call on Monday.
NOT call william-ruto ETH | Kenyan President William Ruto took a call on Monday and criticised Ethiopia.
# replies: "responded to X's letter", "wrote back to X", "replied to the letter from X"
WANT message william-ruto yoweri-museveni | Kenyan President William Ruto responded to Museveni's letter on Monday.
WANT message william-ruto yoweri-museveni | Kenyan President William Ruto replied to the letter from Ugandan President Yoweri Museveni on Monday.
WANT message william-ruto yoweri-museveni | Ugandan President Yoweri Museveni wrote to Ruto. Kenyan President William Ruto wrote back to Museveni on Monday.
# "the move", "the step": the act the sentence before reported, its subject's
WANT criticize KEN UGA | Uganda closed the border on Monday. Kenya denounced the move.
WANT criticize KEN UGA | Uganda closed the border on Monday. The move was criticised by Kenya.
NOT criticize KEN UGA | Uganda and Tanzania closed the border on Monday. Kenya denounced the move.
NOT criticize KEN UGA | Uganda said it would close the border. Kenya denounced the move to Tanzania.
# "both delegations" after a host received two guests: the guests' countries
WANT praise ilse-brandt AUT | Senegal mediated in the dispute last year. Swiss President Ilse Brandt received Italian Prime Minister Paolo Rivas and Austrian Chancellor Karl Huber in Bern for talks on Friday. Brandt thanked both delegations for their patience.
NOT praise ilse-brandt SEN | Senegal mediated in the dispute last year. Swiss President Ilse Brandt received Italian Prime Minister Paolo Rivas and Austrian Chancellor Karl Huber in Bern for talks on Friday. Brandt thanked both delegations for their patience.
# "the government in <capital>": the capital's country, not the description's resolution
WANT accuse paul-mireau RWA | Tanzania hosted a peace conference on Friday. Rebel commander Paul Mireau accused the government in Kigali of shelling farms.
NOT accuse paul-mireau TZA | Tanzania hosted a peace conference on Friday. Rebel commander Paul Mireau accused the government in Kigali of shelling farms.
# an object pronoun taken for the subject: the one other person the sentence before named
WANT call diego-salas rosa-ibarra | Chilean President Rosa Ibarra welcomed the verdict. Peruvian President Diego Salas talked to her by telephone on Thursday.
# a denounced threat is its author's
WANT criticize diego-salas rosa-ibarra | Chilean President Rosa Ibarra threatened on Friday to halt copper sales to Peru. Peruvian Trade Minister Diego Salas condemned the threat to halt sales on Saturday.
# a few quoted words after a determiner are a noun phrase, not speech
WANT criticize SEN GMB | Senegal denounced the "smears and half-truths" put about by Gambia.
# money sent or pledged to X is aid; proceedings opened against X are an accusation
WANT support world-bank UKR | The World Bank pledged 500 million dollars to Ukraine.
NOT support JPN IDN | Japan lost 2 billion dollars to fraud in Indonesia.
WANT accuse european-union HUN | The European Commission opened infringement proceedings against Hungary on Monday.
# a second object after "and": "met dock workers' delegates and Toyota managers"; not a new clause
WANT meet rosa-ibarra toyota | Chilean Labour Minister Rosa Ibarra met dock workers' delegates and Toyota managers in Valparaiso on Friday.
NOT criticize KEN UGA | Kenya criticised the plan and Uganda said nothing.
# wire-service phrasings (qwire): homage, admiration, extol; jabs; fresh charges; working lunch;
# standing with; messages of condolence
WANT praise william-ruto yoweri-museveni | Kenyan President William Ruto paid homage to Ugandan President Yoweri Museveni on Monday.
WANT praise william-ruto yoweri-museveni | Kenyan President William Ruto expressed his admiration for Ugandan President Yoweri Museveni.
WANT praise william-ruto yoweri-museveni | Kenyan President William Ruto extolled Ugandan President Yoweri Museveni at the summit.
WANT criticize william-ruto UGA | Kenyan President William Ruto took a jab at Uganda during his speech.
WANT accuse william-ruto UGA | Kenyan President William Ruto levelled fresh accusations against Uganda on Monday.
WANT meet william-ruto yoweri-museveni | Kenyan President William Ruto had a working lunch with Ugandan President Yoweri Museveni in Nairobi.
WANT support KEN UGA | Kenya pledged to stand with Uganda after the floods.
WANT support KEN UGA | Kenya said it stands firmly with Uganda.
WANT support KEN UGA | Kenya stood shoulder to shoulder with Uganda during the crisis.
WANT message william-ruto yoweri-museveni | Kenyan President William Ruto sent a message of condolence to Ugandan President Yoweri Museveni after the floods.
NOT support KEN UGA | Kenya did not stand with Uganda during the crisis.
# "blamed the attack on X", "attributed the bombing to X": X is accused; "shot down X's drone"
WANT accuse GHA TGO | Ghana blamed the deadly attack on Togo on Monday.
WANT accuse GHA TGO | Ghana attributed the bombing to Togo.
NOT accuse GHA TGO | Ghana attributed the growth to Togo.
WANT attack GHA TGO | Ghana shot down a Togolese drone near the border.
NOT attack GHA TGO | Ghana shot down the Togolese proposal at the meeting.
# headline verbs "flays", "raps"; "issued a rebuke to X"
WANT criticize imran-malik IND | Pakistani Foreign Minister Imran Malik flays India over the dam project on Monday.
WANT criticize imran-malik IND | Pakistani Foreign Minister Imran Malik raps India for the border firing on Monday.
NOT criticize imran-malik IND | Pakistani Foreign Minister Imran Malik rapped about India in a song.
WANT criticize GHA TGO | Ghana issued a sharp rebuke to Togo on Monday.
# the victim of a threatened act is the threat's target; "threatened sanctions against X"
WANT threaten GHA TGO | Ghana threatened to impose sanctions on Togo on Monday.
WANT threaten GHA TGO | Ghana threatened fresh tariffs on Togo.
WANT threaten GHA TGO | Ghana threatened military action against Togo.
# "said X bore responsibility"; double-object aid: "provided X with weapons", "offered X military assistance"
WANT accuse GHA TGO | Ghana said Togo bore full responsibility for the clashes.
WANT support GHA TGO | Ghana provided Togo with weapons last year.
WANT support GHA TGO | Ghana offered Togo military assistance on Monday.
WANT support world-bank GHA | The World Bank granted Ghana a loan on Monday.
NOT support GHA TGO | Ghana gave Togo a warning on Monday.
NOT support GHA TGO | Ghana refused to give Togo a loan.
# phone talks with words between ("held her first phone talks with"); video conferences and virtual talks are calls
WANT call mary-kamau jeje-odongo | Kenyan Foreign Minister Mary Kamau on Friday held her first phone talks with Ugandan Foreign Minister Jeje Odongo.
NOT meet mary-kamau jeje-odongo | Kenyan Foreign Minister Mary Kamau on Friday held her first phone talks with Ugandan Foreign Minister Jeje Odongo.
WANT call mary-kamau jeje-odongo | Kenyan Foreign Minister Mary Kamau held a videoconference with Ugandan Foreign Minister Jeje Odongo.
WANT call KEN UGA | Kenya and Uganda held virtual talks on Monday.
WANT meet mary-kamau jeje-odongo | Kenyan Foreign Minister Mary Kamau held her first talks with Ugandan Foreign Minister Jeje Odongo.
# displeasure and outrage at an actor are criticism; a reaction's cause is no act of the subject
WANT criticize william-ruto UGA | Kenyan President William Ruto conveyed his displeasure to Uganda over the remarks.
WANT criticize KEN UGA | Kenya expressed outrage at Uganda's decision to close the border.
NOT attack KEN UGA | Kenya expressed concern about the attack on Uganda.
NOT attack KEN UGA | Kenya was shocked by the strikes on Uganda.
NOT criticize KEN UGA | Kenya expressed outrage at the attack on Uganda.
WANT attack TZA UGA | Kenya expressed concern over Tanzania's attacks on Uganda.
# a gap trigger with no party in its gap leaves the words to the noun's trigger
WANT support GHA TGO | Ghana sent humanitarian aid to Togo after the floods.
WANT support GHA TGO | Ghana offered emergency assistance to Togo.
# "delivered a letter from A to B": A writes to B, not to the carrier; "addressed a letter to X"
WANT message william-ruto yoweri-museveni | Kenyan Foreign Minister Mary Kamau delivered a message from Kenyan President William Ruto to Ugandan President Yoweri Museveni.
NOT message william-ruto mary-kamau | Kenyan Foreign Minister Mary Kamau delivered a message from Kenyan President William Ruto to Ugandan President Yoweri Museveni.
WANT message yoweri-museveni william-ruto | Kenyan President William Ruto received a message from Ugandan President Yoweri Museveni on Monday.
WANT message william-ruto yoweri-museveni | Kenyan President William Ruto addressed a letter to Ugandan President Yoweri Museveni.
# "appreciated X's efforts", "spoke positively of X"
WANT praise william-ruto UGA | Kenyan President William Ruto appreciated Uganda's efforts to restore peace.
WANT praise william-ruto yoweri-museveni | Kenyan President William Ruto spoke positively of Ugandan President Yoweri Museveni.
# a passive's pronoun subject is no naming complement ("He was received by X", not "calling them unfair")
WANT meet william-ruto yoweri-museveni | Ugandan President Yoweri Museveni arrived in Nairobi on Monday. He was received by President William Ruto at State House.
WANT meet william-ruto yoweri-museveni | Ugandan President Yoweri Museveni landed in Nairobi on Monday. He was welcomed by Kenyan President William Ruto.
CASES

python3 - "$T" "$A" "$DATA" <<'PY'
import json, subprocess, sys
T, A, DATA = sys.argv[1:4]
cases = []
for line in open(T + "/cases.txt", encoding="utf-8"):
    line = line.rstrip("\n")
    if not line.strip() or line.startswith("#"):
        continue
    head, text = line.split(" | ", 1)
    want, typ, src, dst = head.split()
    cases.append((want, typ, src, dst, text))
with open(T + "/in.jsonl", "w", encoding="utf-8") as f:
    for i, c in enumerate(cases):
        f.write(json.dumps({"id": "c%03d" % i, "text": c[4], "date": "2026-03-04"}) + "\n")
r = subprocess.run([A, "extract", "--quiet", "--data-dir", DATA, "-o", T + "/out.jsonl", T + "/in.jsonl"])
if r.returncode != 0:
    print("FAILED: extract exited %d" % r.returncode, file=sys.stderr)
    sys.exit(1)
got, actors = {}, {}
for l in open(T + "/out.jsonl", encoding="utf-8"):
    e = json.loads(l)
    if e.get("record") == "document":
        actors[e["id"]] = {a["id"] for a in e["actors"]}
    if e.get("record") != "event":
        continue
    got.setdefault(e["doc"], []).append((e["type"], e["source"]["id"], e["target"]["id"]))
bad = 0
for i, (want, typ, src, dst, text) in enumerate(cases):
    evs = got.get("c%03d" % i, [])
    sym = typ in ("call", "meet")
    has = any(t == typ and ((s, d) == (src, dst) or (sym and (s, d) == (dst, src))) for t, s, d in evs)
    if want == "NOT" and not {src, dst} <= actors.get("c%03d" % i, set()):
        # a NOT case tests the rules only when both actors are recognized
        bad += 1
        print("FAILED: NOT case without its actors (%s, %s; have %s): %s" % (src, dst, sorted(actors.get("c%03d" % i, [])), text), file=sys.stderr)
        continue
    if has != (want == "WANT"):
        bad += 1
        print("FAILED: %s %s %s -> %s in: %s\n  got: %s" % (want, typ, src, dst, text, evs), file=sys.stderr)
print("%d cases, %d failed" % (len(cases), bad))
sys.exit(1 if bad else 0)
PY
