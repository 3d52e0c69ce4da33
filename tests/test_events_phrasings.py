"""Phrasings met in real articles, each with the rule it exercises: what must be found
(``want``) and what must not (``never``), in both modes.

Each case quotes a sentence or a few of its source, named by ``url``.
"""

from __future__ import annotations

import pytest

CASES = [
    {
        "id": "total-over-a-period",
        "rule": "a total gathered over a stretch of time is no shipment",
        "url": "https://www.urdupoint.com/en/world/uzbekistan-receives-15mln-doses-of-chinese-c-1343253.html",
        "published": "2021-09-05",
        "text": "During the spring and summer seasons the country received a total of "
        "13.5 million vaccine doses from China.",
        "want": [],
        "never": [{"type": "Delivery"}],
    },
    {
        "id": "total-of-one-shipment",
        "rule": "'a total of' with the day of one arrival is that shipment",
        "url": "https://www.urdupoint.com/en/world/uzbekistan-receives-15mln-doses-of-chinese-c-1343253.html",
        "published": "2021-09-05",
        "text": '"Today, the 12th batch of the ZF-UZ-VAC 2001 vaccine in the amount of 1.5 million '
        'doses was delivered from China to Uzbekistan," the ministry said on Telegram.',
        "want": [{"type": "Delivery", "supplier": "CHN", "recipient": "UZB", "doses": 1500000}],
        "never": [],
    },
    {
        "id": "call-on-others-to-follow-suit",
        "rule": "what a request asks ends where the sentence turns to circumstances",
        "url": "https://www.taiwannews.com.tw/en/news/4185345",
        "published": "2021-04-23",
        "text": "Leaders of the COVAX program hailed the French donation, which was announced "
        "by President Emmanuel Macron, and called on other rich countries to follow suit at "
        "a time of intense competition for short supplies of vaccines — as coronavirus "
        "infection counts are on the rise.",
        "want": [],
        "never": [{"type": "SupplyRequest"}, {"type": "TechTransferRequest"}],
    },
    {
        "id": "call-on-makers-to-transfer",
        "rule": "what a request asks: the words after 'called on'",
        "url": "https://nationalpost.com/pmn/health-pmn/s-africas-ramaphosa-calls-for-mrna-technology-transfer-to-low-middle-income-countries",
        "published": "2021-04-23",
        "text": "JOHANNESBURG \u2014 South Africa\u2019s President Cyril Ramaphosa on Friday "
        "called on pharmaceutical companies to transfer mRNA vaccine technology to low and middle "
        "income countries \u201cfree of intellectual property barriers.\u201d",
        "want": [{"type": "TechTransferRequest", "requester": "ZAF"}],
        "never": [{"type": "SupplyRequest"}],
    },
    {
        "id": "origin-is-not-home",
        "rule": "a country naming where a vaccine comes from weighs little toward the home "
        "country, which an unqualified regulator acts for",
        "url": "https://www.bangkokpost.com/thailand/general/2123283/chinas-sinopharm-vaccine-approved-for-emergency-use",
        "published": "2021-05-28",
        "text": "The Food and Drug Administration on Friday approved for emergency use the "
        "coronavirus vaccine developed by China's Sinopharm, a senior FDA official said. "
        '"The FDA has approved the Sinopharm vaccine," Paisan Dankhum told a news briefing '
        "in Bangkok.",
        "want": [{"type": "Approval", "authority": "THA", "vaccine": "sinopharm"}],
        "never": [{"type": "Approval", "authority": "CHN"}],
    },
    {
        "id": "a-firm-s-nationality-is-a-party",
        "rule": "a country qualifying a firm that is no vaccine maker still counts for home",
        "url": "https://www.straitstimes.com/asia/east-asia/moderna-novavax-to-make-covid-19-vaccines-in-s-korea",
        "published": "2021-05-24",
        "text": "Novavax has also reaffirmed its partnership with South Korean firm SK "
        "Bioscience to expand its production of vaccines, including the US drug developer's "
        "protein-based Covid-19 vaccine candidate. In February, Novavax had entered "
        "into a licence agreement with the South Korean manufacturer to produce 40 million "
        "doses of Covid-19 vaccine for the country.",
        "want": [{"type": "TechTransfer", "provider": "NOVAVAX", "recipient": "KOR"}],
        "never": [{"type": "TechTransfer", "recipient": "USA"}],
    },
    {
        "id": "listed-recipients",
        "rule": "parties listed together with the argument each get an event",
        "url": "https://www.hindustantimes.com/india-news/india-sends-covishield-vaccines-to-mauritius-seychelles-myanmar-101611280448648-amp.html",
        "published": "2021-01-22",
        "text": "India on Friday dispatched consignments of Serum Institute of India's (SII's) "
        "Covid-19 vaccine Covishield to Myanmar, Seychelles and Mauritius as part of the "
        "donation program to its neighbours and key partners.",
        "want": [
            {"type": "Delivery", "supplier": "IND", "recipient": "MMR"},
            {"type": "Delivery", "supplier": "IND", "recipient": "SYC"},
            {"type": "Delivery", "supplier": "IND", "recipient": "MUS"},
        ],
        "never": [{"type": "Delivery", "recipient": "IND"}],
    },
    {
        "id": "segments-with-the-same-preposition",
        "rule": "'with X ... as well as with Y': one agreement per seller, each with its "
        "own product",
        "url": "https://ausglobalhealth.org/gavi-signs-agreements-with-sinopharm-and-sinovac-for-immediate-supply-to-covax",
        "published": "2021-07-12",
        "text": "Geneva, 12 July 2021 \u2013 Gavi, the Vaccine Alliance announced today that it "
        "had signed advance purchase agreements (APAs) with Sinopharm for its \u201cBBIBP-CorV"
        "\u201d inactivated virus vaccine against COVID-19 as well as with Sinovac for its "
        "inactivated virus vaccine against COVID-19, \u201cCoronaVac\u201d.",
        "want": [
            {
                "type": "PurchaseAgreement",
                "buyer": "GAVI",
                "seller": "SINOPHARM",
                "vaccine": "sinopharm",
            },
            {
                "type": "PurchaseAgreement",
                "buyer": "GAVI",
                "seller": "SINOVAC",
                "vaccine": "sinovac",
            },
        ],
        "never": [{"type": "PurchaseAgreement", "seller": "SINOVAC", "vaccine": "sinopharm"}],
    },
    {
        "id": "segments-with-their-own-counts",
        "rule": "a count between two parties makes segments, each with its own count",
        "url": "https://english.hani.co.kr/arti/english_edition/e_international/1015037.html",
        "published": "2021-10-13",
        "text": "South Korea's government sent 1.1 million doses of AstraZeneca's COVID-19 "
        "vaccine to Vietnam and 470,000 to Thailand on Tuesday",
        "want": [
            {"type": "Delivery", "recipient": "VNM", "doses": 1100000},
            {"type": "Delivery", "recipient": "THA", "doses": 470000},
        ],
        "never": [{"type": "Delivery", "recipient": "THA", "doses": 1100000}],
    },
    {
        "id": "short-name-read-as-a-place",
        "rule": "a registry person's short name is that person even when the statistical "
        "model reads it as a place",
        "url": "https://en.prothomalo.com/bangladesh/government/foreign-minister-discusses-rohingya-issues-vaccine-co-op-with-india-china",
        "published": "2021-07-16",
        "text": "Apart from meeting with his Indian and Chinese counterpart, Momen also held a "
        "bilateral meeting with Tajikistan foreign minister on the sidelines of the "
        "conference, a foreign ministry press release said.",
        "want": [{"type": "Meeting", "participants": ["BGD", "TJK"]}],
        "never": [],
    },
    {
        "id": "coproduction-is-technology",
        "rule": "a request to co-produce a vaccine asks for technology",
        "url": "https://en.prothomalo.com/bangladesh/government/foreign-minister-discusses-rohingya-issues-vaccine-co-op-with-india-china",
        "published": "2021-07-16",
        "text": "After meeting with Jaishankar, Momen held the bilateral meet with Chinese "
        "foreign minister Wang Yi where he reiterated his request to initiate vaccine "
        "coproduction in Bangladesh with partnership between Bangladeshi and Chinese "
        "stakeholders.",
        "want": [{"type": "TechTransferRequest", "requester": "BGD"}],
        "never": [{"type": "SupplyRequest"}],
    },
    {
        "id": "the-dateline-place-is-no-actor",
        "rule": "the dateline's place is no participant; 'here' is that place",
        "url": "http://www.koreaherald.com/view.php?ud=20210613000028",
        "published": "2021-06-13",
        "text": "CORNWALL, Britain -- South Korean President Moon Jae-in met Saturday with the "
        "leaders of the European Union and had discussions on COVID-19, climate and other "
        "pending global issues, Cheong Wa Dae said. Moon had the talks with European Council "
        "President Charles Michel and European Commission President Ursula von der Leyen on "
        "the sidelines of the annual Group of Seven (G-7) summit that opened here the "
        "previous day.",
        "want": [{"type": "Meeting", "participants": ["EU", "KOR"], "location": "GBR"}],
        "never": [{"type": "Meeting", "participants": ["EU", "GBR", "KOR"]}],
    },
    {
        "id": "asked-from-after-what-is-asked",
        "rule": "'a request for doses from X' is addressed to X; a reply received is no shipment",
        "url": "https://cabar.asia/en/how-vaccine-diplomacy-will-affect-kyrgyzstan",
        "published": None,
        "text": "Kyrgyzstan has received a positive reply to its request for 500 thousand "
        "free doses of Sputnik V vaccine from Russia.",
        "want": [
            {"type": "SupplyRequest", "requester": "KGZ", "addressee": "RUS", "doses": 500000}
        ],
        "never": [{"type": "Delivery"}],
    },
    {
        "id": "made-in-is-an-origin",
        "rule": "'the China-made vaccine' names where the goods come from, no recipient",
        "url": "https://www.onlanka.com/news/one-million-doses-of-sinopharm-vaccines-arrive-in-sri-lanka.html",
        "published": "2021-08-24",
        "text": "Another shipment of Sinopharm COVID-19 vaccines purchased by the government of "
        "Sri Lanka arrived on the island this morning (August 24). A special cargo flight "
        "chartered by the SriLankan Airlines landed at around 5.00 am at the Bandaranaike "
        "International Airport (BIA) carrying 1 million doses of the China-made vaccine "
        "weighing 16,887kg and packed with dry ice.",
        "want": [{"type": "Delivery", "recipient": "LKA", "doses": 1000000}],
        "never": [{"type": "Delivery", "recipient": "CHN"}],
    },
    {
        "id": "one-shipment-of-a-larger-gift",
        "rule": "'the first half of N doses have arrived' is one shipment, not a total",
        "url": "https://www.702.co.za/articles/423450/us-vaccine-donation-will-go-a-long-way-to-help-sa-reach-targets-health-dept",
        "published": "2021-08-01",
        "text": "CAPE TOWN \u2013 As South Africa continues to ramp up its effort to reach herd "
        "immunity, the first half of more than 5.6 million Pfizer vaccine doses have arrived "
        "in the country from the United States (US).",
        "want": [
            {
                "type": "Delivery",
                "supplier": "USA",
                "recipient": "ZAF",
                "vaccine": "pfizer-biontech",
            }
        ],
        "never": [],
    },
    {
        "id": "a-passive-governs-its-subject-s-count",
        "rule": "'N doses had been received, with another M scheduled': the passive "
        "subject's count and vaccine",
        "url": "https://www.dawn.com/news/1616026/sindh-expresses-interest-to-purchase-10-million-doses-of-cansinos-covid-19-vaccine",
        "published": "2021-04-02",
        "text": "This week, Special Assistant to the Prime Minister (SAPM) on Health Dr Faisal "
        "Sultan said that 0.5 million purchased doses of China's Sinopharm Covid-19 vaccine "
        "had been received with an additional 0.5m doses scheduled to arrive the next day.",
        "want": [{"type": "Delivery", "recipient": "PAK", "vaccine": "sinopharm", "doses": 500000}],
        "never": [],
        "known_gap_rules": "without a parser the receipt, past perfect under 'said', is lost",
    },
    {
        "id": "pledged-funds",
        "rule": "a pledge of funds or vaccines with no count is still a pledge; a wish to "
        "donate is not",
        "url": "https://www.aljazeera.com/news/2021/4/15/global-officials-urge-rich-countries-to-donate-coronavirus-jabs",
        "published": "2021-04-15",
        "text": "Denmark, the Netherlands, Norway and Sweden all pledged new funds to COVAX "
        "on Thursday.",
        "want": [
            {"type": "DonationPledge", "donor": d, "recipient": "COVAX", "date": "2021-04-15"}
            for d in ("DNK", "NLD", "NOR", "SWE")
        ],
        "never": [],
    },
    {
        "id": "shared-through-covax",
        "rule": "a gift through COVAX to no named country is to COVAX; a news agency named "
        "Sputnik is no vaccine",
        "url": "https://www.urdupoint.com/en/world/france-to-share-at-least-30mln-vaccine-doses-1256230.html",
        "published": "2021-05-21",
        "text": "MOSCOW (UrduPoint News / Sputnik - 21st May, 2021) France will share at least 30 "
        "million doses of vaccines by different manufacturers by the end of the year through "
        "the COVAX COVID-19 vaccines distribution mechanism, President Emmanuel Macron "
        "announced on Friday.",
        "want": [
            {"type": "DonationPledge", "donor": "FRA", "recipient": "COVAX", "doses": 30000000}
        ],
        "never": [{"vaccine": "sputnik-v"}],
    },
    {
        "id": "committed-doses",
        "rule": "'committed N doses to X' pledges them",
        "url": "https://www.phnompenhpost.com/national/china-pledges-20m-covid-jabs",
        "published": None,
        "text": "Chinese President Xi Jinping has committed another 20 million Covid-19 "
        "vaccine doses to Cambodia, five million of which are expected to arrive late this "
        "month.",
        "want": [{"type": "DonationPledge", "donor": "CHN", "recipient": "KHM", "doses": 20000000}],
        "never": [],
    },
    {
        "id": "a-request-received",
        "rule": "whoever receives a request is asked; whoever it comes from asks",
        "url": "https://www.reuters.com/article/health-coronavirus-japan-vietnam/japan-eyes-sending-coronavirus-vaccines-to-vietnam-nhk-idUSL2N2NN010",
        "published": "2021-06-05",
        "text": "Japan has received a request for vaccines from Vietnam, and could dispatch "
        "them as early as this month, NHK added without giving further details, including "
        "which vaccine might be sent.",
        "want": [{"type": "SupplyRequest", "requester": "VNM", "addressee": "JPN"}],
        "never": [{"type": "SupplyRequest", "requester": "JPN"}],
    },
    {
        "id": "bulk-and-ready-doses-arrive-together",
        "rule": "bulk that arrives is a technology transfer with its own count; the "
        "ready-to-use segment is a delivery from its own maker; a running total of bulk is "
        "neither",
        "url": "http://en.people.cn/n3/2021/0430/c90000-9845819.html",
        "published": "2021-04-30",
        "text": "JAKARTA, April 30 (Xinhua) -- New batches of COVID-19 vaccines produced by "
        "Chinese pharmaceutical companies arrived at Indonesia's Soekarno-Hatta Airport on "
        'Friday, an Indonesian official said. "Today, 6 million doses of bulk COVID-19 '
        "vaccine from Sinovac Biotech Ltd and 482,400 ready-to-use vaccines from the China "
        'National Pharmaceutical Group (Sinopharm) have arrived," Minister of Communications '
        "and Informatics Johnny Plate said. Indonesia has received a total of 65.5 million "
        "doses of bulk COVID-19 vaccine from Sinovac, as well as 8.448 million doses of "
        "ready-to-use vaccines from Sinovac, Sinopharm, and AstraZeneca through the COVAX "
        "Facility initiated by the World Health Organization.",
        "want": [
            {"type": "TechTransfer", "provider": "SINOVAC", "recipient": "IDN", "doses": 6000000},
            {
                "type": "Delivery",
                "supplier": ("SINOPHARM", "CHN"),
                "recipient": "IDN",
                "vaccine": "sinopharm",
                "doses": 482400,
            },
        ],
        "never": [
            {"type": "TechTransfer", "doses": 8448000},
            {"type": "TechTransfer", "doses": 65500000},
            {"type": "Delivery", "doses": 6000000},
        ],
        "known_gap_rules": "without a parser the Sinopharm segment's maker reads as a "
        "recipient of the bulk",
    },
    {
        "id": "donated-by-describes-doses",
        "rule": "'doses ... donated by Japan' describes doses; the gift is no new pledge",
        "url": "https://www.talkvietnam.org/2021/06/one-million-astrazeneca-covid-19-vaccine-doses-donated-by-japan-arrive-in-viet-nam/",
        "published": "2021-06-17",
        "text": "H\u00c0 N\u1ed8I \u2014 One million doses of AstraZeneca COVID-19 vaccines "
        "donated by the Japanese Government arrived at N\u1ed9i B\u00e0i International "
        "Airport in H\u00e0 N\u1ed9i late Wednesday night.",
        "want": [{"type": "Delivery", "supplier": "JPN", "recipient": "VNM", "doses": 1000000}],
        "never": [{"type": "DonationPledge"}],
    },
    {
        "id": "made-in-is-no-recipient",
        "rule": "'made in India vaccines' names where goods are made",
        "url": "https://www.sify.com/news/no-involvement-of-taiwan-in-indias-vaccine-supply-to-paraguay-news-international-veinThjhbciga.html",
        "published": "2021-04-08",
        "text": "Subsequently, shipment of made in India vaccines was sent to Paraguay, I would "
        'like to confirm that no third party was involved in this."',
        "want": [],
        "never": [{"type": "Delivery", "recipient": "IND"}],
    },
    {
        "id": "produced-by-is-the-maker",
        "rule": "who a vaccine is 'produced by' is its maker, not the authority",
        "url": "http://en.people.cn/n3/2021/0430/c90000-9845819.html",
        "published": "2021-04-30",
        "text": "Indonesia's Food and Drug Administration (BPOM) has just issued an emergency "
        'use authorization (EUA) for the Sinopharm vaccine. "We are announcing that an '
        "emergency use authorization has been given for a vaccine produced by the Beijing "
        'Biological Products Institute under Sinopharm," chief of BPOM Penny Lukito said '
        "Friday.",
        "want": [{"type": "Approval", "authority": "IDN", "vaccine": "sinopharm"}],
        "never": [{"type": "Approval", "authority": "CHN"}],
    },
    {
        "id": "will-send-as-a-gift",
        "rule": "'X will send N doses to Y' in a text that speaks of no purchase or deal "
        "is a pledge",
        "url": "https://www.urdupoint.com/en/world/erdogan-pledges-15-mln-covid-vaccine-doses-fo-1430265.html",
        "published": "2021-12-18",
        "text": "Turkey will send 15 million Covid-19 vaccine doses to Africa, President Recep "
        "Tayyip Erdogan announced on Saturday at a major summit of the continent's leaders, "
        "adding that the low vaccination rates there were a blot on humanity.",
        "want": [
            {"type": "DonationPledge", "donor": "TUR", "doses": 15000000, "date": "2021-12-18"}
        ],
        "never": [{"type": "Delivery"}],
    },
    {
        "id": "will-send-what-was-agreed",
        "rule": "'X will send N doses' in a text about doses agreed between the two is no pledge",
        "url": "https://www.telesurenglish.net/news/Bolivia-to-Receive-20000-Doses-of-Russian-Sputnik-V-Vaccine-20210128-0001.html",
        "published": "2021-01-28",
        "text": "Russia will send 5.2 million COVID-19 vaccines to this Andean country this "
        "year. The Sputnik V doses are the first of the 5.2 million vaccines agreed between "
        "Bolivia and Russia.",
        "want": [],
        "never": [{"type": "DonationPledge"}],
    },
    {
        "id": "subject-the-parser-put-in-a-date",
        "rule": "an actor the verb follows with only auxiliaries between is its doer when "
        "the parser gave the verb no subject",
        "url": "https://kabulnow.com/2021/05/china-will-donate-300000-new-doses-of-covid-19-vaccine-to-afghanistan/",
        "published": "2021-05-24",
        "text": "The pledge is made while earlier in March China had promised to deliver "
        "400,000 doses of Sinopharm\u2019s Covid-19 vaccine to Afghanistan.",
        "want": [{"type": "DonationPledge", "donor": "CHN", "recipient": "AFG", "doses": 400000}],
        "never": [],
    },
    {
        "id": "first-person-in-a-quote",
        "rule": "'I' and 'us' in a quotation are its speaker's side (the home country "
        "when no speaker is named beside it); 'him' is the person named before it (the "
        "article's first sentence and two of its quotation, which are paragraphs apart)",
        "url": "https://riviera-maya-news.com/amlo-thanks-us-president-biden-for-2-7-million-vaccines/2021.html",
        "published": None,
        "text": "Mexico City, Mexico \u2014 President Andr\u00e9s Manuel L\u00f3pez Obrador says "
        "that the United States government has agreed to send 2.7 million AstraZeneca "
        "vaccines to Mexico.\n\n\u201cThe United States government has decided to help us and "
        "will send 2.7 million doses of AstraZeneca vaccine. I especially thank President "
        "Biden because I discussed this issue with him for two months when we had a "
        "conversation from Monterrey, and I asked him to help us with doses of vaccines.",
        "want": [{"type": "SupplyRequest", "requester": "MEX", "addressee": "USA"}],
        "never": [{"type": "SupplyRequest", "requester": "USA"}],
    },
    {
        "id": "coordination-elsewhere-in-the-sentence",
        "rule": "a list the argument's own mention is not part of adds no party",
        "url": "https://www.urdupoint.com/en/world/uzbekistan-receives-15mln-doses-of-chinese-c-1343253.html",
        "published": "2021-09-05",
        "text": "On August 12, China and Uzbekistan signed a cooperation agreement that would "
        "allow Uzbekistan to manufacture the Chinese vaccine locally and on August 21 "
        "Uzbekistan authorized the domestic production in the Tashkent region.",
        "want": [],
        "never": [{"type": "Approval", "authority": "CHN"}],
    },
    {
        "id": "request-at-the-nearest-meeting",
        "rule": "a request made at a meeting goes to the side of the meeting named last before "
        "it; 'his Indian and Chinese counterpart' names foreign sides, not the home country",
        "url": "https://en.prothomalo.com/bangladesh/government/foreign-minister-discusses-rohingya-issues-vaccine-co-op-with-india-china",
        "published": "2021-07-16",
        "text": "Apart from meeting with his Indian and Chinese counterpart, Momen also held a "
        "bilateral meeting with Tajikistan foreign minister on the sidelines of the conference, "
        "a foreign ministry press release said.\nMeeting with Wang Yi\nAfter meeting with "
        "Jaishankar, Momen held the bilateral meet with Chinese foreign minister Wang Yi where "
        "he reiterated his request to initiate vaccine coproduction in Bangladesh with "
        "partnership between Bangladeshi and Chinese stakeholders.",
        "want": [
            {"type": "TechTransferRequest", "requester": "BGD", "addressee": "CHN"},
            {"type": "Meeting", "participants": ["BGD", "CHN"]},
            {"type": "Meeting", "participants": ["BGD", "TJK"]},
        ],
        "never": [
            {"type": "TechTransferRequest", "addressee": "IND"},
            {"type": "TechTransferRequest", "addressee": "TJK"},
            {"type": "Meeting", "participants": ["CHN", "IND"]},
        ],
    },
    {
        "id": "thanked-government-is-not-home",
        "rule": "a government qualified by a country counts once toward the home country, "
        "however often it is thanked",
        "url": "https://en.prothomalo.com/bangladesh/government/foreign-minister-discusses-rohingya-issues-vaccine-co-op-with-india-china",
        "published": "2021-07-16",
        "text": "Apart from meeting with his Indian and Chinese counterpart, Momen also held a "
        "bilateral meeting with Tajikistan foreign minister on the sidelines of the conference, "
        "a foreign ministry press release said.\nHe thanked the Chinese government for "
        "initiating the six-party Covid consultation and expressed Bangladesh\u2019s gratitude "
        "to the Chinese government for standing by the people of Bangladesh.\nChinese foreign "
        "minister Wang Yi assured Momen of the Chinese government\u2019s support on vaccine "
        "coproduction in Bangladesh.",
        "want": [{"type": "Meeting", "participants": ["BGD", "TJK"]}],
        "never": [
            {"type": "Meeting", "participants": ["CHN", "TJK"]},
            {"type": "Meeting", "participants": ["BGD", "CHN", "IND", "TJK"]},
        ],
    },
    {
        "id": "production-in-a-country",
        "rule": "in an agreement for production 'in X', the party X is the recipient",
        "url": "https://en.inform.kz/news/iran-buys-60-million-doses-sputnik-v-covid-19-vaccine_a3777064/",
        "published": "2021-04-16",
        "text": "Iran\u2019s ambassador to Russia also said that two Iranian companies have signed "
        "agreements with Russia for joint production of the COVID-19 vaccine in Iran.",
        "want": [{"type": "TechTransfer", "provider": "RUS", "recipient": "IRN"}],
        "never": [{"type": "TechTransfer", "provider": "IRN"}],
    },
    {
        "id": "contracted-to-purchase-two-vaccines",
        "rule": "'has contracted to purchase' is a deal; 'as well as N doses of Y' is a second "
        "deal, sold by Y's maker",
        "url": "https://www.shafaq.com/en/Iraq-News/Iraq-receives-the-first-batch-of-COVID-19-Vaccine",
        "published": "2021-03-02",
        "text": "It is worth noting that Iraq has contracted to purchase 16 million doses of the "
        "AstraZeneca vaccine, as well as 1.5 million doses of the BioNTech vaccine.",
        "want": [
            {
                "type": "PurchaseAgreement",
                "buyer": "IRQ",
                "vaccine": "astrazeneca",
                "doses": 16000000,
            },
            {
                "type": "PurchaseAgreement",
                "buyer": "IRQ",
                "vaccine": "pfizer-biontech",
                "doses": 1500000,
            },
        ],
        "never": [
            {"type": "PurchaseAgreement", "vaccine": "pfizer-biontech", "seller": "ASTRAZENECA"}
        ],
    },
    {
        "id": "conversation-was-held",
        "rule": "talks whose sentence names no side are between the two of the sentence before",
        "url": "https://www.urdupoint.com/en/health/vietnamese-president-interested-in-launching-1352083.html",
        "published": "2021-09-16",
        "text": "MOSCOW (UrduPoint News / Sputnik - 16th September, 2021) Vietnamese President "
        "Nguyen Xuan Phuc told Russian President Vladimir Putin that he is interested in "
        "increasing deliveries of Russian vaccines and launching Sputnik V COVID-19 vaccine "
        'production in his country, the Kremlin said on Thursday.\n\n"At the Vietnamese '
        "side's initiative, a phone conversation was held ... Nguyen Xuan Phuc thanked for "
        "Russia's assistance in the fight against the spreading of the coronavirus infection.\"",
        "want": [{"type": "PhoneCall", "participants": ["RUS", "VNM"]}],
        "never": [{"type": "Delivery"}],
    },
    {
        "id": "professionals-received-vaccines",
        "rule": "people who 'received' vaccines were vaccinated: no delivery",
        "url": "https://www.urdupoint.com/en/world/bahraini-health-authority-approves-use-of-chi-1112757.html",
        "published": "2020-12-13",
        "text": "The media added that over 7,700 people participated in the third phase of the "
        "trials in Bahrain, and Bahraini health care professionals received Sinopharm's "
        "vaccines even before the trials were over.",
        "want": [],
        "never": [{"type": "Delivery"}],
    },
    {
        "id": "after-their-arrival",
        "rule": "'after their arrival' refers to the shipment already reported",
        "url": "https://www.taipeitimes.com/News/taiwan/archives/2021/09/08/2003764014",
        "published": "2021-09-08",
        "text": "A batch of 64,000 doses of the AstraZeneca COVID-19 vaccine donated by Japan "
        "arrived in Taiwan yesterday afternoon, the fourth such donation made by Tokyo.\n\n"
        "Soon after their arrival, the doses were transported to a designated cold chain "
        "warehouse and sealed for inspection.",
        "want": [
            {
                "type": "Delivery",
                "supplier": "JPN",
                "recipient": "TWN",
                "doses": 64000,
                "date": "2021-09-07",
            }
        ],
        "never": [{"type": "Delivery", "supplier": "TWN"}],
    },
    {
        "id": "a-company-of-its-country-buys",
        "rule": "'Malaysia Pharmaniaga Bhd', 'Malaysia's Pharmaniaga': the country names the "
        "company, and a registered company that makes no vaccine buys",
        "url": "https://www.devdiscourse.com/article/business/1403059-malaysias-pharmaniaga-buys-14-mln-doses-of-chinas-sinovac-covid-vaccine",
        "published": "2021-01-12",
        "text": "Malaysia's Pharmaniaga buys 14 mln doses of China's Sinovac COVID vaccine\n\n"
        "Malaysia Pharmaniaga Bhd has signed an agreement with China's Sinovac to purchase 14 "
        "million doses of ready-to-fill COVID-19 vaccines and later to manufacture the vaccine "
        "domestically, it said on Tuesday.",
        "want": [
            {
                "type": "PurchaseAgreement",
                "buyer": "PHARMANIAGA",
                "seller": "SINOVAC",
                "doses": 14000000,
            }
        ],
        "never": [
            {"type": "PurchaseAgreement", "buyer": "MYS"},
            {"type": "PurchaseAgreement", "seller": "PHARMANIAGA"},
        ],
    },
    {
        "id": "is-to-provide-on-grant-basis",
        "rule": "'is to provide N doses to X on grant basis' is a pledge",
        "url": "https://thehimalayantimes.com/nepal/china-to-provide-500000-doses-of-covid-19-vaccine-to-nepal",
        "published": None,
        "text": "KATHMANDU, FEBRUARY 6\n\nChina is to provide 500,000 doses of COVID-19 vaccine "
        "to Nepal on grant basis, Ministry of Foreign Affairs (MoFA) stated.",
        "want": [{"type": "DonationPledge", "donor": "CHN", "recipient": "NPL", "doses": 500000}],
        "never": [{"type": "Delivery"}],
    },
    {
        "id": "is-to-supply-bought-doses",
        "rule": "'is to supply' doses of a purchase is no pledge",
        "url": "https://www.shafaq.com/en/Iraq-News/Iraq-receives-the-first-batch-of-COVID-19-Vaccine",
        "published": "2021-03-02",
        "text": "It is worth noting that Iraq has contracted to purchase 16 million doses of the "
        "AstraZeneca vaccine. The company is to supply 16 million doses to Iraq.",
        "want": [{"type": "PurchaseAgreement", "buyer": "IRQ", "doses": 16000000}],
        "never": [{"type": "DonationPledge"}],
    },
    {
        "id": "request-conveyed-during-meetings",
        "rule": "a request conveyed during meetings does not make the meetings a plan",
        "url": "https://colombogazette.com/2021/01/06/sri-lanka-formally-requests-indian-assistance-to-obtain-covid-vaccine/",
        "published": "2021-01-06",
        "text": "Sri Lanka has formally requested Indian assistance to obtain the Covid "
        "vaccine.\n\nVisiting Indian External Affairs Minister S. Jaishankar said that the "
        "request was conveyed to him during his meetings in Colombo today.",
        "want": [
            {"type": "SupplyRequest", "requester": "LKA", "addressee": "IND"},
            {"type": "Meeting", "participants": ["IND", "LKA"], "date": "2021-01-06"},
        ],
        "never": [],
    },
    {
        "id": "agreement-for-registration-production-and-distribution",
        "rule": "production listed among an agreement's purposes makes it a production agreement",
        "url": "https://tass.com/economy/1231511",
        "published": None,
        "text": "MOSCOW, December 4. /TASS/. The Russian Direct Investment Fund (RDIF) said on "
        "Friday it had signed an agreement on cooperation for the accelerated registration, "
        "production and distribution of the Russian Sputnik V anti-coronavirus vaccine with "
        "Kazakhstan\u2019s Health Ministry.",
        "want": [{"type": "TechTransfer", "provider": ("RDIF", "RUS"), "recipient": "KAZ"}],
        "never": [{"type": "TechTransfer", "provider": "KAZ"}],
    },
    {
        "id": "organisation-approved-vaccines",
        "rule": "'World Health Organization-approved vaccines' describes vaccines: no approval; "
        "'will provide a $28 million grant' is a pledge",
        "url": "https://thainewsroom.com/2021/02/08/coronavirus-vaccines-from-china-arrive-in-cambodia/",
        "published": "2021-02-08",
        "text": "Australia said on Feb 1 that it will provide a $28 million grant for World Health "
        "Organization-approved vaccines in Cambodia.",
        "want": [{"type": "DonationPledge", "donor": "AUS", "date": "2021-02-01"}],
        "never": [{"type": "Approval"}],
    },
    {
        "id": "provided-that-is-a-condition",
        "rule": "'provided that' is a condition, not a shipment; 'this quantity is a grant' "
        "gives the shipment told before its channel",
        "url": "https://www.shafaq.com/en/Iraq-News/Iraq-receives-the-first-batch-of-COVID-19-Vaccine",
        "published": "2021-03-02",
        "text": "Shafaq News / Iraq has officially received the first batch of COVID-19 vaccine "
        "doses, today, un Baghdad international airport.\n\nThe plane that shipped the batch "
        "came from China loaded with 50,000 doses of the Chinese Sinopharm vaccine.\n\nThis "
        "quantity is a grant from China to Iraq, provided that Baghdad will buy other quantities "
        "of the vaccine.",
        "want": [
            {
                "type": "Delivery",
                "supplier": "CHN",
                "recipient": "IRQ",
                "doses": 50000,
                "channel": "donation",
            }
        ],
        "never": [{"type": "Delivery", "channel": "purchase"}],
    },
    {
        "id": "plant-making-under-a-joint-venture",
        "rule": "a plant that will make a vaccine 'under a joint venture between' its maker and "
        "a local company is a production agreement",
        "url": "https://www.thesundaily.my/world/new-abu-dhabi-plant-to-produce-covid-19-vaccine-from-china-s-sinopharm-MJ7469169",
        "published": "2021-03-29",
        "text": "DUBAI: A new pharmaceutical plant in Abu Dhabi will start making a Covid-19 "
        "vaccine from Chinese pharmaceutical giant Sinopharm later this year under a joint venture "
        "between Sinopharm and Abu Dhabi-based technology company Group 42 (G42).",
        "want": [{"type": "TechTransfer", "provider": "SINOPHARM", "recipient": ("G42", "ARE")}],
        "never": [{"type": "TechTransfer", "provider": "G42"}],
    },
    {
        "id": "doses-manufactured-under-a-facility",
        "rule": "doses 'manufactured by X under the COVAX Facility' are no production agreement",
        "url": "https://www.businesstoday.in/industry/pharma/story/ghana-first-foreign-nation-to-receive-serum-institutes-covishield-under-covax-facility-289195-2021-02-24",
        "published": "2021-02-24",
        "text": "Ghana has today become the first country outside India to receive "
        "AstraZeneca-Oxford COVID-19 vaccine doses manufactured by the Serum Institute of India "
        "(SII) under the COVAX Facility.",
        "want": [],
        "never": [{"type": "TechTransfer"}],
    },
    {
        "id": "request-by-a-described-country",
        "rule": "a request 'by' someone names its requester, never the speaker who reports it; "
        "'X and EAM responded' opens a clause of its own",
        "url": "https://www.sify.com/news/no-involvement-of-taiwan-in-indias-vaccine-supply-to-paraguay-news-international-veinThjhbciga.html",
        "published": "2021-04-08",
        "text": "Clearing the air on vaccine supply to Paraguay, spokesperson of the Ministry of "
        "External Affairs (MEA) Arindam Bagchi said the vaccines were sent following a request "
        'by the South American country.\n\n"During a telephonic conversation between the '
        "External Affairs Minister and the Foreign Minister of Paraguay, a request for the "
        'vaccine was made by Paraguay and EAM responded positively to the request."',
        "known_gap_rules": "without a parser 'EAM responded' reads as a second requester",
        "want": [{"type": "SupplyRequest", "requester": "PRY"}],
        "never": [{"type": "SupplyRequest", "requester": "IND"}],
    },
    {
        "id": "doses-agreed-between",
        "rule": "'N vaccines agreed between A and B' states a deal; the maker's side sells",
        "url": "https://www.telesurenglish.net/news/Bolivia-to-Receive-20000-Doses-of-Russian-Sputnik-V-Vaccine-20210128-0001.html",
        "published": "2021-01-28",
        "text": "Russia will send 5.2 million COVID-19 vaccines to this Andean country this year. "
        "The Sputnik V doses are the first of the 5.2 million vaccines agreed between Bolivia "
        "and Russia.",
        "want": [
            {
                "type": "PurchaseAgreement",
                "buyer": "BOL",
                "seller": "RUS",
                "vaccine": "sputnik-v",
                "doses": 5200000,
            }
        ],
        "never": [{"type": "PurchaseAgreement", "buyer": "RUS"}],
    },
    {
        "id": "certified-plants-and-conditional-approvals",
        "rule": "'GMP certified plants' describes plants; 'upon approval', 'under license' and "
        "'after the agencies issue an approval, ... will' are no approvals",
        "url": "https://www.devdiscourse.com/article/business/1403059-malaysias-pharmaniaga-buys-14-mln-doses-of-chinas-sinovac-covid-vaccine",
        "published": "2021-01-12",
        "text": "Pharmaniaga said in a bourse filing that the company will carry out a "
        "fill-and-finish process of the vaccine in Malaysia, and will subsequently enter into "
        "local manufacturing, under license from Sinovac for its technology and know-how. "
        '"Upon approval from the (local pharmaceutical regulator), we are confident to '
        "manufacture and have the vaccine ready to be distributed to the hospitals by the end of "
        'March," he said at the signing event.',
        "want": [],
        "never": [{"type": "Approval"}],
    },
    {
        "id": "gmp-certified-plants",
        "rule": "an approval word right before the plants it describes is no approval",
        "url": "https://tass.com/world/1274701",
        "published": "2021-04-06",
        "text": "TASHKENT, April 6. /TASS/. Uzbekistan is ready to start producing the Russian "
        "coronavirus vaccine Sputnik V in the near future. Uzbekistan suggests producing the "
        "vaccine at GMP certified plants with large capacities, which are making aseptic "
        "pharmaceuticals, Kariev said.",
        "want": [],
        "never": [{"type": "Approval"}],
    },
    {
        "id": "approval-after-which-transfer-will-follow",
        "rule": "'After the agencies issue an approval, transfer will be carried out': a condition",
        "url": "https://tass.com/economy/1231511",
        "published": None,
        "text": "After Kazakhstan\u2019s regulating agencies issue an approval, technology "
        "transfer will be carried out and material for the production of at least two million "
        "doses of the Sputnik V vaccine will be supplied to Kazakhstan.",
        "want": [],
        "never": [{"type": "Approval"}],
    },
    {
        "id": "thanked-for-a-contribution-and-a-sale",
        "rule": "'contribution' or 'commitment' in a sentence about a sale or a shipment names "
        "no gift",
        "url": "https://www.talkvietnam.org/2021/08/pfizer-committed-to-accelerate-vaccine-delivery-to-viet-nam-ceo/",
        "published": "2021-08-21",
        "text": "He thanked the company for its contribution to Vi\u1ec7t Nam's medical "
        "development, as well as its supply of vaccines according to an agreement under which "
        "Vi\u1ec7t Nam purchases 31 million doses.",
        "want": [{"type": "PurchaseAgreement", "buyer": "VNM", "doses": 31000000}],
        "never": [{"type": "DonationPledge"}],
    },
    {
        "id": "honoured-its-commitment-by-delivering",
        "rule": "'honoured its commitment by delivering' is a shipment, not a pledge",
        "url": "https://www.adomonline.com/govt-secures-3-4-million-more-covid-19-vaccines/",
        "published": "2021-04-05",
        "text": "The Private Office has already honoured its commitment by delivering the initial "
        "consignment of the Sputnik V Covid-19 vaccines to Accra early last March and will "
        "continue to deliver the remaining doses to Ghana.",
        "want": [],
        "never": [{"type": "DonationPledge"}],
    },
    {
        "id": "a-batch-and-its-parts",
        "rule": "a shipment whose parts the next sentence lists with their channels is one "
        "delivery per part; the gift and purchase words there only describe the parts",
        "url": "https://www.urdupoint.com/en/health/cambodia-receives-new-batch-of-chinas-sinova-1342795.html",
        "published": "2021-09-04",
        "text": "Cambodia on Saturday received an additional 2.5 million doses of China's "
        "Sinovac vaccine against COVID-19 as the Southeast Asian country continued to fight "
        "the pandemic.\n\nShe said the new batch included 2 million doses purchased from the "
        "Chinese biopharmaceutical company Sinovac Biotech by the Cambodian government, and "
        "500,000 doses donated by the company.",
        "want": [
            {"type": "Delivery", "recipient": "KHM", "doses": 2000000, "channel": "purchase"},
            {"type": "Delivery", "recipient": "KHM", "doses": 500000, "channel": "donation"},
        ],
        "never": [{"type": "DonationPledge"}, {"type": "Delivery", "doses": 2500000}],
    },
    {
        "id": "a-batch-whose-parts-do-not-add-up",
        "rule": "parts that do not add up to the shipment are not its parts",
        "url": "https://www.urdupoint.com/en/health/cambodia-receives-new-batch-of-chinas-sinova-1342795.html",
        "published": "2021-09-04",
        "text": "Cambodia on Saturday received an additional 2.5 million doses of China's "
        "Sinovac vaccine against COVID-19.\n\nTo date, the kingdom has acquired a total of "
        "29.5 million vaccine doses from friendly countries and the World Health "
        "Organization's COVAX Facility, including 26.8 million doses purchased from China.",
        "want": [{"type": "Delivery", "recipient": "KHM", "doses": 2500000}],
        "never": [{"type": "Delivery", "doses": 26800000}],
    },
    {
        "id": "a-consignment-delivered-by-its-supplier",
        "rule": "'by delivering the initial consignment ... to Accra' is a shipment that arrived",
        "url": "https://www.adomonline.com/govt-secures-3-4-million-more-covid-19-vaccines/",
        "published": "2021-04-05",
        "text": "A press release from the health ministry said: \u201cThe supply of the vaccine is "
        "part of an arrangement between government and the Private Office of Sheikh Ahmed "
        "Dalmook Al Maktoum.\u201d The Private Office has already honoured its commitment by "
        "delivering the initial consignment of the Sputnik V Covid-19 vaccines to Accra early "
        "last March and will continue to deliver the remaining doses to Ghana.",
        "want": [{"type": "Delivery", "recipient": "GHA", "vaccine": "sputnik-v"}],
        "never": [{"type": "Delivery", "date": "2021-03-01"}],
    },
    {
        "id": "a-batch-still-to-be-delivered",
        "rule": "a shipment noun with a delivery verb in the future is no delivery",
        "url": "https://www.devdiscourse.com/article/health/1482623-ukraine-firm-lekhim-will-deliver-first-batch-of-sinovac-vaccines-by-march-15",
        "published": "2021-03-04",
        "text": "Ukrainian company Lekhim will deliver the first batch of the Chinese-made Sinovac "
        "COVID-19 vaccines to Ukraine by March 15, the company said on Thursday.",
        "want": [],
        "never": [{"type": "Delivery"}],
    },
    {
        "id": "both-parties-on-the-phone",
        "rule": "'both parties' of talks are the two of the sentence before, where 'he' in the "
        "speaker's quotation is someone other than the speaker",
        "url": "https://riviera-maya-news.com/amlo-thanks-us-president-biden-for-2-7-million-vaccines/2021.html",
        "published": None,
        "text": "Mexico City, Mexico \u2014 President Andr\u00e9s Manuel L\u00f3pez Obrador says "
        "that the United States government has agreed to send 2.7 million AstraZeneca vaccines "
        "to Mexico.\n\n\u201cI especially thank President Biden because I discussed this "
        "issue with him for two months when we had a conversation from Monterrey, and I asked "
        "him to help us with doses of vaccines.\n\n\u201cOn that occasion, he told me that "
        "he was going to analyze whether they could support us. Later, in the last "
        "conversation we had on the phone, we discussed the issue again and both parties "
        "agreed to analyze and respond to the request.",
        "want": [{"type": "PhoneCall", "participants": ["MEX", "USA"]}],
        "never": [{"type": "PhoneCall", "participants": ["MEX"]}],
    },
    {
        "id": "lobbied-to-become-a-hub",
        "rule": "what a bare 'lobbied X' asks for is the aim its sentence states",
        "url": "https://www.channelnewsasia.com/asia/covid-19-vaccine-indonesia-talks-who-global-vaccine-hub-2181496",
        "published": "2021-09-16",
        "text": "JAKARTA: Indonesia is in talks with the World Health Organization (WHO) as well "
        "as "
        "six drug companies to become a global hub for manufacturing vaccines, its health "
        'minister told Reuters.\n\n"We are working with the WHO to be one of the global '
        'manufacturing hubs for mRNA," he said, adding that he had directly lobbied WHO '
        "Director-General Tedros Adhanom Ghebreyesus on a trip to Europe earlier this month.",
        "want": [{"type": "TechTransferRequest", "requester": "IDN"}],
        "never": [{"type": "SupplyRequest"}, {"type": "TechTransferRequest", "requester": "WHO"}],
    },
    {
        "id": "fill-slash-finish-with-help",
        "rule": "'successful fill/finish ... with the help of' a maker is a transfer, and the "
        "acronym of a national institute named before is that institute",
        "url": "https://dailytimes.com.pk/761493/pakistans-locally-developed-covid-19-vaccine-pakvac-cleared-for-use/",
        "published": "2021-05-26",
        "text": "The single-dose shot was made at the National Institute of Health with the help "
        "of China\u2019s CanSino Biologics. \u201cCongratulations to the NIH Pak team and its "
        "leadership for successful fill/finish (from concentrate) of the Cansino vaccine with "
        "the help of Cansino Bio Inc China,\u201d said Special Assistant to the Prime Minister "
        "on Health Dr Faisal Sultan on Twitter Monday night.",
        "want": [{"type": "TechTransfer", "provider": "CANSINO", "recipient": "PAK"}],
        "never": [{"type": "TechTransfer", "recipient": "USA"}],
    },
    {
        "id": "name-of-country-after-a-title",
        "rule": "'Prime Minister <name> of <country>': the country places the person, who asks",
        "url": "https://en.trend.az/world/other/3368399.html",
        "published": "2021-01-22",
        "text": "Prime Minister Roosevelt Skerrit of Dominica has written a letter to PM Narendra "
        "Modi to seek COVID-19 vaccines for his citizens.",
        "want": [{"type": "SupplyRequest", "requester": "DMA", "addressee": "IND"}],
        "known_gap_rules": "without a parser whom the letter is written to is not found",
        "never": [{"type": "SupplyRequest", "requester": "IND"}],
    },
    {
        "id": "quotation-opened-by-its-writer",
        "rule": "'I' in a quotation that a named person opened before, in the same paragraph, is "
        "that person",
        "url": "https://en.trend.az/world/other/3368399.html",
        "published": "2021-01-22",
        "text": "Prime Minister Roosevelt Skerrit of Dominica has written a letter to PM Narendra "
        "Modi to seek COVID-19 vaccines for his citizens.\n\nIn a letter to PM Modi on "
        "Tuesday, PM Skerrit wrote as quoted by Hindustan Times: “As we enter 2021 and "
        "persevere in our fight against Covid-19, Dominica’s population of 72,100 is in "
        "urgent need of enough doses of the Oxford-AstraZeneca vaccine. I, therefore, "
        "request, with great humility and respect, that you assist us by donating the "
        "doses we need to make our population safe (optimally 70,000 first and second "
        "doses).”",
        "want": [{"type": "SupplyRequest", "requester": "DMA"}],
        "never": [{"type": "SupplyRequest", "requester": "IND"}],
    },
    {
        "id": "requests-received-from-unnamed-countries",
        "rule": "who receives requests is asked; unnamed askers give no requester",
        "url": "https://en.trend.az/world/other/3368399.html",
        "published": "2021-01-22",
        "text": "Meanwhile, the Government of India has received several requests for the supply "
        "of Indian manufactured vaccines from neighbouring and key partner countries.",
        "want": [],
        "never": [{"type": "SupplyRequest", "requester": "IND"}],
    },
    {
        "id": "grant-supplies-in-keeping-with-a-commitment",
        "rule": "a gift with no giver named takes the one other country the sentence names in a "
        "possessive",
        "url": "https://en.trend.az/world/other/3368399.html",
        "published": "2021-01-22",
        "text": "In response to these requests, and in keeping with India’s stated commitment to "
        "use India’s vaccine production and delivery capacity to help all of humanity "
        "fight the Covid pandemic, supplies under grant assistance to Bhutan, Maldives, "
        "Bangladesh, Nepal, Myanmar and Seychelles will begin from 20 January 2021.",
        "want": [
            {"type": "DonationPledge", "donor": "IND", "recipient": "BTN"},
            {"type": "DonationPledge", "donor": "IND", "recipient": "SYC"},
        ],
        "never": [{"type": "DonationPledge", "donor": None}],
    },
    {
        "id": "bought-back-from-the-ministry",
        "rule": "an explicit buyer of 'purchased ... from' is not turned into the seller because "
        "it makes the vaccine; a title-case dateline with a day and agency is no actor",
        "url": "https://newsnow.tasr.sk/policy/slovakia-sells-back-to-russia-160000-doses-of-sputnik-v-vaccine/",
        "published": "2021-07-02",
        "text": "Bratislava, July 2 (TASR) – Russia has purchased 160,000 doses of the unused "
        "Sputnik V vaccine from the Health Ministry, ministry spokeswoman Zuzana Eliasova "
        "told TASR on Friday, adding that the Russian side bought them for an identical "
        "price at which Slovakia bought them – $9.95 per dose.",
        "want": [{"type": "PurchaseAgreement", "buyer": "RUS", "seller": "SVK", "doses": 160000}],
        "never": [{"type": "PurchaseAgreement", "buyer": "SVK"}],
    },
    {
        "id": "a-donation-carried-at-the-airport",
        "rule": "a donation noun being carried or unloaded is the shipment, not a pledge",
        "url": "https://www.taipeitimes.com/News/taiwan/archives/2021/09/08/2003764014",
        "published": "2021-09-08",
        "text": "A driver transports Japan’s donation of 64,000 AstraZeneca COVID-19 vaccine doses "
        "at Taiwan Taoyuan International Airport yesterday.",
        "want": [],
        "never": [{"type": "DonationPledge"}],
    },
    {
        "id": "first-donated-followed-by",
        "rule": "'first donated ... on June 4, followed by ...': past shipments, no pledges",
        "url": "https://www.taipeitimes.com/News/taiwan/archives/2021/09/08/2003764014",
        "published": "2021-09-08",
        "text": "Japan first donated 1.24 million doses of the AstraZeneca vaccine to Taiwan on "
        "June 4, followed by 1.13 million doses on July 8 and 970,000 doses on July 15.",
        "want": [
            {
                "type": "Delivery",
                "supplier": "JPN",
                "recipient": "TWN",
                "doses": 1240000,
                "date": "2021-06-04",
            }
        ],
        "known_gap_rules": "without a parser the dated past gift makes no delivery",
        "never": [{"type": "DonationPledge"}],
    },
    {
        "id": "thanked-for-contributing-and-a-contract",
        "rule": "thanks for 'contributing' in a sentence about a contract is no gift",
        "url": "https://www.radiociudadhabana.icrt.cu/2021/11/22/cuba-sends-new-batch-of-abdala-vaccine-against-covid-19-to-venezuela/",
        "published": "2021-11-22",
        "text": "Vezuelan Executive Vice President Delcy Rodriguez, thanked Cuba on that occasion "
        "for contributing to immunization in Venezuela, and announced the signing of a "
        "contract for 12 million doses.",
        "want": [],
        "never": [{"type": "DonationPledge"}],
    },
    {
        "id": "provided-as-a-condition",
        "rule": "'..., \"provided the existence of ...\"' opens a condition, not a shipment",
        "url": "https://mb.com.ph/2021/09/30/algeria-inaugurates-production-of-sinovac-covid-19-vaccines",
        "published": "2021-09-30",
        "text": "He added that the production line aims to produce 6 million doses of Sinovac "
        "vaccine by the end of this year, and 96 million doses each year thereafter, "
        '"provided the existence of enough raw material and orders locally and '
        'internationally."',
        "want": [],
        "never": [{"type": "Delivery"}],
    },
    {
        "id": "manufacturing-at-a-joint-venture",
        "rule": "'started manufacturing X at a joint venture with Y' is a transfer",
        "url": "https://mb.com.ph/2021/09/30/algeria-inaugurates-production-of-sinovac-covid-19-vaccines",
        "published": "2021-09-30",
        "text": "ALGIERS -- Algeria on Wednesday started manufacturing the Sinovac COVID-19 "
        "vaccines at a joint venture with China, which is located in the eastern province "
        "of Constantine.",
        "want": [{"type": "TechTransfer", "recipient": "DZA", "provider": ("CHN", "SINOVAC")}],
        "never": [{"type": "Delivery"}],
    },
    {
        "id": "deal-for-co-producing",
        "rule": "'a deal for co-producing' is a transfer; 'signed the tripartite agreement' after "
        "it refers to it and is no purchase",
        "url": "https://banglamirrornews.com/2021/08/16/co-production-of-vaccine-dhaka-beijing-sign-deal/",
        "published": "2021-08-16",
        "text": "In a major development towards vaccine coperation, Dhaka and Beijing formally "
        "signed a deal on Monday for co-producing Sinopharm Covid-19 vaccine in "
        "Bangladesh. Bangladesh signed the tripartite agreement with Chinese company "
        "Sinopharm and local drug manufacturer Incepta Pharmaceuticals.",
        "want": [{"type": "TechTransfer", "recipient": "BGD", "date": "2021-08-16"}],
        "never": [{"type": "PurchaseAgreement"}],
    },
    {
        "id": "definite-agreement-dates-the-deal",
        "rule": "'on Tuesday signed the agreement' refers to the deal told before and gives it its "
        "day",
        "url": "https://www.bangkokpost.com/thailand/general/2151939/contract-to-buy-20m-doses-of-pfizer-vaccine-signed",
        "published": "2021-07-20",
        "text": "The government has signed a supply agreement for 20 million doses of the Pfizer "
        "Covid-19 vaccine, three months after it said it would buy them.\n\nOpas "
        "Karnkawinpong, director-general of the Disease Control department, on Tuesday "
        "signed the agreement with Ms Deborah Seifert, executive of Pfizer Thailand and "
        "Indochina.",
        "want": [
            {"type": "PurchaseAgreement", "buyer": "THA", "doses": 20000000, "date": "2021-07-20"}
        ],
        "never": [{"type": "PurchaseAgreement", "date": None}],
    },
    {
        "id": "set-to-donate",
        "rule": "'is set to donate' is an announced gift, its subject the donor",
        "url": "https://www.tvnz.co.nz/one-news/new-zealand/nz-donate-250k-doses-astrazenecas-covid-19-vaccine-fiji-pending-medsafe-approval",
        "published": "2021-04-29",
        "text": "The New Zealand Government is set to donate 250,000 doses of AstraZeneca's "
        "Covid-19 vaccine to Fiji.",
        "want": [{"type": "DonationPledge", "donor": "NZL", "recipient": "FJI", "doses": 250000}],
        "never": [],
    },
    {
        "id": "the-ministers-met",
        "rule": "'the ministers met' are the two sides named in the sentence before",
        "url": "https://www.tvnz.co.nz/one-news/new-zealand/nz-donate-250k-doses-astrazenecas-covid-19-vaccine-fiji-pending-medsafe-approval",
        "published": "2021-04-29",
        "text": "The New Zealand Government is set to donate 250,000 doses of AstraZeneca's "
        "Covid-19 vaccine to Fiji. The ministers met virtually last week to discuss New "
        "Zealand’s offer, which also includes $2 million of official development "
        "assistance to support Fiji’s vaccine rollout.",
        "want": [{"type": "Meeting", "participants": ["FJI", "NZL"]}],
        "never": [{"type": "Meeting", "participants": ["NZL"]}],
    },
    {
        "id": "it-is-the-subject-before",
        "rule": "'It' opening a sentence is the country the sentence before is about; 'a total of' "
        "with one day is that shipment",
        "url": "https://in.news.yahoo.com/nepal-president-appeals-indian-chinese-155458122.html",
        "published": "2021-05-26",
        "text": "On January 2, Nepal received one million doses from the Serum Institute of India "
        "(SII). It has also received a total of 348,000 doses of Covishield vaccine under "
        "the COVAX facility on March 7.",
        "want": [
            {"type": "Delivery", "recipient": "NPL", "supplier": "COVAX", "date": "2021-03-07"}
        ],
        "known_gap_rules": "without a parser 'It' takes the last organisation named",
        "never": [{"type": "Delivery", "recipient": "SERUM_INSTITUTE"}],
    },
    {
        "id": "first-nation-to-register",
        "rule": "'the first nation to register' a vaccine registered it",
        "url": "https://tass.com/politics/1276231",
        "published": "2021-04-09",
        "text": "The Presidents of Russia and Turkey - Vladimir Putin and Recep Tayyip Erdogan - "
        "focused on supply and possible production of Sputnik V COVID-19 vaccine, the "
        "Kremlin said on Friday after the two leaders’ phone conversation.\n\nRussia was "
        "the world’s first nation to register its coronavirus vaccine on August 11, 2020.",
        "want": [{"type": "Approval", "authority": "RUS", "date": "2020-08-11"}],
        "never": [],
    },
    {
        "id": "approached-about-a-plant",
        "rule": "'approached X about setting up a vaccine plant' asks for technology",
        "url": "https://en.imsilkroad.com/p/323308.html",
        "published": "2021-08-18",
        "text": "The newspaper reported on Sunday that Sri Lanka's State Pharmaceutical "
        "Corporation (SPC) had approached the Chinese government about setting up a "
        "vaccine plant in the zone earlier this year given the rising demand for COVID-19 "
        "vaccines in Sri Lanka.",
        "want": [{"type": "TechTransferRequest", "requester": "LKA", "addressee": "CHN"}],
        "never": [{"type": "SupplyRequest"}],
    },
    {
        "id": "envoy-to-the-home-country",
        "rule": "'ambassador to X' and a giver after 'by' point the story at X: its vice president "
        "receives",
        "url": "https://www.journalducameroun.com/en/zimbabwe-takes-delivery-of-200000-covid-19-vaccine-doses/",
        "published": "2021-02-15",
        "text": "Zimbabwe on Monday took delivery of 200,000 COVID-19 vaccine doses donated by the "
        "Chinese government and is now waiting for a further 600,000 doses purchased from "
        "the same country.Vice President and Health Minister Constantino Chiwenga received "
        "the vaccines at the Robert Gabriel Mugabe International Airport on Monday "
        "morning.\n\nHe was accompanied by Chinese ambassador to Zimbabwe Guo Shaochun.",
        "want": [{"type": "Delivery", "recipient": "ZWE", "supplier": "CHN", "doses": 200000}],
        "never": [{"type": "Delivery", "recipient": "CHN"}],
    },
    {
        "id": "called-again-on-by-the-name-before",
        "rule": "'called again on X to share the technology' asks X; the body named right before "
        "the request asks, its acronym in brackets between",
        "url": "https://msfaccess.org/following-full-fda-approval-pfizer-and-biontech-must-urgently-share-covid-19-vaccine-know-how",
        "published": "2021-08-23",
        "text": "Geneva/New York, 23 August 2021 – Following today’s full approval of the "
        "Pfizer-BioNTech mRNA COVID-19 vaccine by the US Food and Drug Administration "
        "(FDA), Médecins Sans Frontières/Doctors Without Borders (MSF) called again on "
        "Pfizer and BioNTech to immediately share the vaccine technology and knowledge "
        "with manufacturers on the African continent that could help boost global vaccine "
        "supply.",
        "want": [
            {"type": "TechTransferRequest", "requester": "MSF", "addressee": "PFIZER"},
            {"type": "Approval", "authority": "USA"},
        ],
        "never": [
            {"type": "Approval", "authority": "ZAF"},
            {"type": "TechTransferRequest", "requester": None},
        ],
    },
    {
        "id": "an-announcement-alone-starts-no-pledge",
        "rule": "'The announcement came yesterday' dates a pledge told before; alone it is no "
        "pledge",
        "url": "https://www.tvnz.co.nz/one-news/new-zealand/nz-donate-250k-doses-astrazenecas-covid-19-vaccine-fiji-pending-medsafe-approval",
        "published": "2021-04-30",
        "text": "The announcement came yesterday as the Pacific nation — currently under lockdown "
        "— announced five new cases of the virus, some of which are the result of "
        "communiuty transmission.",
        "want": [],
        "never": [{"type": "DonationPledge"}],
    },
    {
        "id": "half-a-million-delivered-so-far",
        "rule": "'More than half a million doses have been delivered': an approximate running "
        "total, 'half a million' being no shipment's half",
        "url": "https://www.theage.com.au/politics/federal/australian-vaccine-donations-to-pacific-nations-top-1-million-20210729-p58e7n.html",
        "published": "2021-07-30",
        "text": "More than half a million doses have been delivered to Fiji, which is racing to "
        "inoculate its population amid a serious outbreak of the fast-spreading Delta "
        "strain.",
        "want": [],
        "never": [{"type": "Delivery"}],
    },
    {
        "id": "sell-or-donate",
        "rule": "'decided to sell or donate unused vaccines': one of two, no pledge yet",
        "url": "https://newsnow.tasr.sk/policy/slovakia-sells-back-to-russia-160000-doses-of-sputnik-v-vaccine/",
        "published": "2021-07-02",
        "text": "Vaccination with the first 200,000 doses started on June 7, but interest didn't "
        "confirm previous estimates, which is why the Government decided to sell or donate "
        "unused vaccines.",
        "want": [],
        "never": [{"type": "DonationPledge"}],
    },
]


def _matches(event: dict, spec: dict) -> bool:
    """Every field of ``spec`` agrees; a tuple lists the values the contract accepts (a
    state producer or its state)."""
    return all(
        event.get(k) in v if isinstance(v, tuple) else event.get(k) == v for k, v in spec.items()
    )


def _params() -> list:
    """Each case in both modes; a gap of one mode is a strict expected failure."""
    out = []
    for case in CASES:
        for mode in ("default", "rules"):
            gap = case.get(f"known_gap_{mode}")
            marks = [pytest.mark.xfail(reason=gap, strict=True)] if gap else []
            out.append(pytest.param(case, mode, id=f"{case['id']}-{mode}", marks=marks))
    return out


@pytest.mark.parametrize(("case", "mode"), _params())
def test_phrasing(case, mode, extractor, rules_extractor):
    ex = extractor if mode == "default" else rules_extractor
    result = ex.extract(case["text"], published=case["published"])
    events = [e.to_gold() for e in result.events]
    for spec in case["want"]:
        assert any(_matches(e, spec) for e in events), (spec, events)
    for spec in case["never"]:
        assert not any(_matches(e, spec) for e in events), (spec, events)


def test_phrasing_cases_name_their_source():
    for case in CASES:
        assert case["url"].startswith(("https://", "http://"))
        assert case["rule"]
        assert case["want"] or case["never"]
