#!/usr/bin/env python3
"""gen_corpus.py: a deterministic benchmark corpus of news-like documents.

Writes JSON Lines ({"id","text","date","outlet","url","title"}, one document
a line, the input format of `actornet extract`) until the output reaches the
requested size. Every sentence comes from templates written for this project
(no text from real articles); actors are drawn from name pools (persons made
of varied first names and surnames with titles, organizations, countries with
capitals and demonyms), so the extractor sees the shapes real news has:
titled first mentions, later surnames, pronouns, metonyms (capitals),
demonyms, attributions, relative dates, quotes and filler sentences without
any interaction.

Same --seed and --size, same bytes (Python's random.Random is stable).

  bench/gen_corpus.py --size 100M --seed 1 -o corpus.jsonl
"""
import argparse
import json
import random
import sys

FIRST = """Amina Omar Lucia Pedro Mei Hiroshi Olga Ivan Fatima Karim Sofia Mateo Aisha
Yusuf Elena Dmitri Grace Samuel Nadia Tariq Ingrid Lars Chen Wei Priya Arjun Leila
Reza Zainab Kwame Abena Jorge Camila Anders Freya Tomas Hana Kenji Yuki Ahmed Salma
Mikhail Irina Rafael Beatriz Oluwaseun Chiamaka Thabo Naledi Marek Zofia Emre Elif
Dariusz Agnieszka Nguyen Linh Jakob Greta Omar Rania Ibrahim Maryam Kofi Ama Diego
Valentina Paolo Giulia Andrei Ioana Hamid Shirin Bilal Noor Javier Carmen""".split()

LAST = """Okafor Haddad Moreno Takahashi Petrova Kovalenko Rahman Siddiqui Alvarez
Nakamura Lindqvist Mensah Osei Castillo Novak Dvorak Yilmaz Demir Kowalski Nowak
Tran Pham Fischer Weber Rossi Bianchi Popescu Ionescu Karimi Tehrani Qureshi Malik
Herrera Duarte Mbeki Dlamini Adeyemi Eze Sato Watanabe Volkov Sokolov Farouk Nasser
Bergstrom Halvorsen Achebe Boateng Rivera Ortega Hassan Aziz Kaya Celik Ferreira
Santos Mwangi Kariuki Jovanovic Horvat Abdi Warsame Lopez Navarro Schmidt Hoffmann""".split()

# (name, capital, demonym, alpha-3)
COUNTRIES = [
    ("France", "Paris", "French", "FRA"), ("Germany", "Berlin", "German", "DEU"),
    ("Japan", "Tokyo", "Japanese", "JPN"), ("Brazil", "Brasilia", "Brazilian", "BRA"),
    ("India", "New Delhi", "Indian", "IND"), ("Kenya", "Nairobi", "Kenyan", "KEN"),
    ("Nigeria", "Abuja", "Nigerian", "NGA"), ("Egypt", "Cairo", "Egyptian", "EGY"),
    ("Turkey", "Ankara", "Turkish", "TUR"), ("Poland", "Warsaw", "Polish", "POL"),
    ("Canada", "Ottawa", "Canadian", "CAN"), ("Mexico", "Mexico City", "Mexican", "MEX"),
    ("Argentina", "Buenos Aires", "Argentine", "ARG"), ("Chile", "Santiago", "Chilean", "CHL"),
    ("Indonesia", "Jakarta", "Indonesian", "IDN"), ("Vietnam", "Hanoi", "Vietnamese", "VNM"),
    ("South Africa", "Pretoria", "South African", "ZAF"), ("Ghana", "Accra", "Ghanaian", "GHA"),
    ("Norway", "Oslo", "Norwegian", "NOR"), ("Sweden", "Stockholm", "Swedish", "SWE"),
    ("Italy", "Rome", "Italian", "ITA"), ("Spain", "Madrid", "Spanish", "ESP"),
    ("Pakistan", "Islamabad", "Pakistani", "PAK"), ("Bangladesh", "Dhaka", "Bangladeshi", "BGD"),
    ("Ethiopia", "Addis Ababa", "Ethiopian", "ETH"), ("Morocco", "Rabat", "Moroccan", "MAR"),
    ("Peru", "Lima", "Peruvian", "PER"), ("Colombia", "Bogota", "Colombian", "COL"),
    ("Romania", "Bucharest", "Romanian", "ROU"), ("Serbia", "Belgrade", "Serbian", "SRB"),
    ("Thailand", "Bangkok", "Thai", "THA"), ("Malaysia", "Kuala Lumpur", "Malaysian", "MYS"),
    ("Australia", "Canberra", "Australian", "AUS"), ("Qatar", "Doha", "Qatari", "QAT"),
    ("Jordan", "Amman", "Jordanian", "JOR"), ("Senegal", "Dakar", "Senegalese", "SEN"),
]

ORGS = [
    "the United Nations", "the European Union", "the African Union", "NATO",
    "the World Health Organization", "the World Bank", "the International Monetary Fund",
    "the Red Cross", "Amnesty International", "the Arab League", "ASEAN",
    "the International Atomic Energy Agency", "the World Food Programme", "Interpol",
]
ORG_ADJ = "National Democratic Popular United Progressive Liberal Green Unity Reform Labour Federal".split()
ORG_NOUN = "Party Movement Front Alliance Congress Union Council Coalition".split()
COMPANY = "Holdings Energy Logistics Mining Telecom Shipping Motors Pharma".split()

OUTLETS = ["Daily Ledger", "Harbor Times", "Continental Wire", "Morning Dispatch",
           "Capital Observer", "Global Bulletin", "Evening Courier", "Northern Post"]

TITLES = ["Foreign Minister", "President", "Prime Minister", "Defense Minister",
          "Interior Minister", "Finance Minister", "Trade Minister", "Health Minister",
          "Secretary-General", "opposition leader", "spokesman", "Gen.", "Ambassador",
          "Speaker", "Vice President", "Energy Minister"]

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
TOPICS = ["the ceasefire talks", "grain exports", "the border dispute", "energy prices",
          "a prisoner exchange", "the refugee crisis", "climate finance", "a trade deal",
          "the election timetable", "humanitarian access", "water rights", "debt relief",
          "the fishing quota", "a new pipeline", "regional security", "vaccine supplies"]
PLACES = ["the capital", "a summit in Geneva", "the sidelines of the assembly", "a hotel in Vienna",
          "the presidential palace", "a closed-door session", "the port city", "an air base"]

# Interaction templates: {a} source, {b} target, {t} topic, {w} when, {p} place.
INTERACT = {
    "call": ["{a} spoke by phone with {b} {w} about {t}.",
             "In a phone call {w}, {a} and {b} discussed {t}.",
             "{a} held a telephone conversation with {b} {w}, focusing on {t}."],
    "meet": ["{a} met {b} in {p} {w} to discuss {t}.",
             "{a} held talks with {b} {w} on {t}.",
             "During a meeting with {b} {w}, {a} raised {t}.",
             "{a} and {b} met {w} at {p}."],
    "praise": ["{a} praised {b} for its role in {t}.",
               "{a} thanked {b} {w} for the help with {t}.",
               "{a} commended {b}, saying the cooperation on {t} had been vital."],
    "accuse": ["{a} accused {b} of blocking {t}.",
               "{a} {w} accused {b} of violating the agreement on {t}.",
               "{b} was accused by {a} of spreading false claims about {t}."],
    "criticize": ["{a} criticized {b} over its handling of {t}.",
                  "{a} condemned {b} {w} for the delay in {t}.",
                  "{a} sharply rebuked {b} over {t}."],
    "threaten": ["{a} threatened {b} with sanctions over {t}.",
                 "{a} warned {b} {w} that it would respond to any escalation over {t}."],
    "support": ["{a} voiced support for {b} on {t}.",
                "{a} backed {b}'s proposal on {t} {w}."],
    "message": ["{a} sent a letter to {b} {w} about {t}.",
                "{a} sent a message of condolence to {b}."],
    "brief": ["{a} briefed {b} {w} on the latest developments in {t}.",
              "{a} informed {b} about the progress of {t}."],
    "attack": ["{a} launched a drone strike against {b} {w}, officials said.",
               "Forces loyal to {a} attacked positions held by {b} {w}."],
}
FILLER = [
    "The talks come amid growing concern over {t}.",
    "Analysts said the outcome of {t} remained uncertain.",
    "Officials did not give further details.",
    "Prices rose by {n} percent over the past {m} months.",
    "More than {k} people attended the event, according to organizers.",
    "The meeting lasted about {m} hours.",
    "\u201cWe are ready to work with all partners,\u201d the statement said.",
    "The ministry said a follow-up round would be held next month.",
    "Local media reported heavy traffic around {p} during the visit.",
    "The agreement on {t} was signed in {y} and has been extended twice.",
    "Observers noted that turnout was lower than in {y}.",
    "A spokesman declined to comment on {t}.",
]
ATTRIB = ["according to {o}", "{o} reported", "state media said", "a statement said",
          "officials told {o}"]


class Doc:
    """Actors of one document and how they have been mentioned so far."""

    def __init__(self, rng):
        self.rng = rng
        self.seen = {}

    def person(self):
        r = self.rng
        return ("person", r.choice(FIRST), r.choice(LAST), r.choice(TITLES), r.choice(COUNTRIES))

    def org(self):
        r = self.rng
        k = r.random()
        if k < 0.5:
            return ("org", r.choice(ORGS))
        if k < 0.8:
            return ("org", "the %s %s %s" % (r.choice(COUNTRIES)[2], r.choice(ORG_ADJ), r.choice(ORG_NOUN)))
        return ("org", "%s %s" % (r.choice(LAST), r.choice(COMPANY)))

    def country(self):
        return ("country", self.rng.choice(COUNTRIES))

    def mention(self, actor, start):
        """A name as text: full and titled the first time, shorter after."""
        r = self.rng
        n = self.seen.get(actor, 0)
        self.seen[actor] = n + 1
        kind = actor[0]
        if kind == "person":
            _, first, last, title, c = actor
            if n == 0:
                k = r.random()
                if k < 0.4:
                    return "%s %s %s %s" % (c[2], title, first, last)
                if k < 0.7:
                    return "%s %s %s" % (title, first, last)
                return "%s %s, %s's %s," % (first, last, c[0], title.lower())
            return last if r.random() < 0.8 else "%s %s" % (first, last)
        if kind == "org":
            name = actor[1]
            return name[0].upper() + name[1:] if start else name
        c = actor[1]
        k = r.random()
        if n == 0 or k < 0.5:
            return c[0]
        if k < 0.8:
            return c[1]
        return "the %s government" % c[2] if not start else "The %s government" % c[2]


def when(rng, year, month):
    k = rng.random()
    if k < 0.35:
        return "on " + rng.choice(DAYS)
    if k < 0.6:
        return "on %s %d" % (MONTHS[month - 1], rng.randint(1, 28))
    if k < 0.7:
        return "last week"
    if k < 0.8:
        return "in %d" % year
    return ""


def sentence(rng, doc, actors, year, month):
    r = rng
    if r.random() < 0.5:  # most news sentences report no interaction
        s = r.choice(FILLER)
        return s.format(t=r.choice(TOPICS), n=r.randint(2, 40), m=r.randint(2, 18),
                        k=r.randint(2, 90) * 100, p=r.choice(PLACES), y=r.randint(1990, 2020))
    typ = r.choice(list(INTERACT))
    a, b = r.sample(actors, 2)
    tpl = r.choice(INTERACT[typ])
    sa = doc.mention(a, tpl.startswith("{a}"))
    sb = doc.mention(b, tpl.startswith("{b}"))
    s = tpl.format(a=sa, b=sb, t=r.choice(TOPICS), w=when(r, year, month), p=r.choice(PLACES))
    s = " ".join(s.split())
    s = s.replace(" .", ".").replace(" ,", ",").replace(",,", ",").replace(",.", ".")
    if r.random() < 0.15:
        s = s[:-1] + ", " + r.choice(ATTRIB).format(o=r.choice(OUTLETS)) + "."
    return s[0].upper() + s[1:]


def document(rng, i):
    year = rng.randint(2015, 2025)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    doc = Doc(rng)
    actors = [doc.person() for _ in range(rng.randint(2, 5))]
    actors += [doc.org() for _ in range(rng.randint(1, 3))]
    actors += [doc.country() for _ in range(rng.randint(1, 3))]
    outlet = rng.choice(OUTLETS)
    n = rng.randint(6, 40)
    paras, para = [], []
    for _ in range(n):
        para.append(sentence(rng, doc, actors, year, month))
        if len(para) >= rng.randint(1, 4):
            paras.append(" ".join(para))
            para = []
    if para:
        paras.append(" ".join(para))
    title = "%s and %s discuss %s" % (actors[0][2] if actors[0][0] == "person" else "Leaders",
                                      actors[-1][1][0], rng.choice(TOPICS))
    text = "%s, %s %d (%s) -- %s" % (rng.choice(COUNTRIES)[1].upper(), MONTHS[month - 1], day,
                                      outlet, "\n\n".join(paras))
    return {
        "id": "b%08d" % i,
        "text": text,
        "date": "%04d-%02d-%02d" % (year, month, day),
        "outlet": outlet,
        "url": "https://news.example/%d/%08d" % (year, i),
        "title": title[0].upper() + title[1:],
    }


def parse_size(s):
    mult = {"K": 1e3, "M": 1e6, "G": 1e9}
    s = s.strip().upper().rstrip("B")
    if s and s[-1] in mult:
        return int(float(s[:-1]) * mult[s[-1]])
    return int(s)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", default="10M", help="bytes to write: 10M, 100M, 1G (default 10M)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", default="-")
    args = ap.parse_args()
    target = parse_size(args.size)
    rng = random.Random(args.seed)
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    written, i = 0, 0
    chunk = []
    while written < target:
        line = json.dumps(document(rng, i), ensure_ascii=False) + "\n"
        chunk.append(line)
        written += len(line.encode("utf-8"))
        i += 1
        if len(chunk) >= 1000:
            out.write("".join(chunk))
            chunk = []
    out.write("".join(chunk))
    if out is not sys.stdout:
        out.close()
    print("%d documents, %d bytes" % (i, written), file=sys.stderr)


if __name__ == "__main__":
    main()
