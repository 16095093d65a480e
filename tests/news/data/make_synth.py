"""Invented Pakistan-Afghanistan border reports (Oct-Nov 2025 register) with hand gold.

Not dev-set text. Batch "heldout" was written before any rule change of this round and
is scored, never read for errors, before and after; batch "tuning" was used to find gaps.
Run to regenerate the JSONL files next to this script.
"""

from __future__ import annotations

import json
from pathlib import Path


def inc(date, places, typ, fat, country="Pakistan", bg=False, agg=False):
    return {
        "date": date,
        "place_names": places,
        "incident_type": typ,
        "fatalities_min": fat,
        "country": country,
        "is_background": bg,
        "is_aggregate": agg,
    }


def ev(date, kind, status="occurred", bg=False):
    return {"date": date, "kind": kind, "status": status, "is_background": bg}


HELDOUT = [
    (
        "h01",
        "2025-10-12",
        "Pakistan says 23 soldiers martyred in Afghan border attacks\n"
        "RAWALPINDI: The military's media wing said on Sunday that 23 soldiers were martyred "
        "and 29 others injured when Afghan Taliban forces opened fire on Pakistani border posts "
        "on Saturday night.\n"
        "According to the Inter-Services Public Relations (ISPR), Pakistani troops responded "
        "and killed more than 200 Taliban and affiliated terrorists in the retaliatory action "
        "along the border in the Angoor Adda sector of South Waziristan.\n"
        "The Taliban government's chief spokesman, Zabihullah Mujahid, said 58 Pakistani "
        "soldiers were killed and nine Afghan fighters lost their lives in the operation, which "
        "he described as retaliation for Pakistani air strikes in Kabul and Paktika earlier in "
        "the week.\n"
        "The border crossings at Torkham and Chaman remained closed on Sunday.",
        [
            inc(
                "2025-10-11",
                ["Angoor Adda", "South Waziristan"],
                "armed_clash",
                67,
                "Pakistan-Afghanistan border (unspecified side)",
            )
        ],
        [],
    ),
    (
        "h02",
        "2025-11-11",
        "Suicide bomber kills 12 outside Islamabad court\n"
        "ISLAMABAD (AP) - A suicide bomber blew himself up outside a district court in "
        "Pakistan's capital on Tuesday, killing 12 people and wounding 27 others, police said.\n"
        "The attack happened at around 12:30 pm near the judicial complex in the G-11 sector, "
        "where lawyers and litigants had gathered. Interior Minister Mohsin Naqvi said the "
        "bomber had tried to enter the court but detonated his vest near a police vehicle.\n"
        "No group immediately claimed responsibility. Pakistan has blamed previous attacks on "
        "the Pakistani Taliban, who it says operate from Afghanistan. Militants killed 11 "
        "soldiers in Orakzai district in October.\n"
        "The bombing came a day after security forces repulsed an attack on a cadet college in "
        "Wana, South Waziristan.",
        [inc("2025-11-11", ["Islamabad", "G-11"], "militant_attack", 12)],
        [],
    ),
    (
        "h03",
        "2025-10-19",
        "Pakistan, Afghanistan agree to immediate ceasefire in Doha talks\n"
        "DOHA: Pakistan and Afghanistan agreed to an immediate ceasefire early on Sunday after "
        "talks in Doha mediated by Qatar and Turkey, Qatar's foreign ministry said.\n"
        "The two sides also agreed to hold follow-up meetings in the coming days to ensure the "
        "sustainability of the ceasefire, the ministry said in a statement.\n"
        "Defence Minister Khawaja Asif, who led the Pakistani delegation, said the two sides "
        "would meet again in Istanbul on October 25.\n"
        "The agreement came after a week of fighting that killed dozens of people. A 48-hour "
        "truce agreed on Wednesday expired on Friday evening, and Pakistani strikes in Paktika "
        "province on Friday night killed at least 10 people, according to Afghan officials.",
        [],
        [ev("2025-10-19", "ceasefire_declared"), ev("2025-10-25", "talks_round", "planned")],
    ),
    (
        "h04",
        "2025-11-26",
        "Taliban say Pakistani strikes killed 10 in Khost\n"
        "KABUL: The Taliban government said on Tuesday that Pakistani air strikes had killed "
        "nine children and a woman in the eastern province of Khost overnight.\n"
        "Zabihullah Mujahid, the Taliban spokesman, said on X that Pakistani forces bombed a "
        "house in the Gurbuz district of Khost at around midnight, and that air strikes also "
        "hit Kunar and Paktika, wounding four civilians.\n"
        "Pakistan's military did not immediately comment. The strikes came a day after a "
        "suicide attack on the headquarters of the Federal Constabulary in Peshawar killed "
        "three personnel.\n"
        "The two countries have held three rounds of talks since a ceasefire was agreed in "
        "Doha on October 19, but the last round in Istanbul ended without agreement.",
        [inc("2025-11-24", ["Khost", "Gurbuz"], "airstrike_or_shelling", 10, "Afghanistan")],
        [],
    ),
    (
        "h05",
        "2025-10-16",
        "Dozens killed as Pakistan and Afghan forces clash at Spin Boldak\n"
        "KANDAHAR: Fresh fighting erupted between Afghan and Pakistani forces in the Spin "
        "Boldak district of Kandahar province early on Wednesday, killing 12 civilians and "
        "wounding more than 100, a Taliban spokesman said.\n"
        "Pakistan's military said its troops repulsed attacks at four places on the Spin "
        "Boldak side and killed 15 to 20 Afghan Taliban. It said separately that it had "
        "killed 25 to 30 attackers in Kurram district on Tuesday night.\n"
        "Later on Wednesday the two sides agreed to a 48-hour ceasefire, Pakistan's foreign "
        "office said, at the request of the Taliban.",
        [
            inc("2025-10-15", ["Spin Boldak", "Kandahar"], "armed_clash", 12, "Afghanistan"),
            inc("2025-10-14", ["Kurram"], "armed_clash", 25),
        ],
        [ev("2025-10-15", "ceasefire_declared")],
    ),
    (
        "h06",
        "2025-11-08",
        "Pakistan-Afghanistan talks in Istanbul end in deadlock\n"
        "ISLAMABAD: The third round of peace talks between Pakistan and Afghanistan in "
        "Istanbul ended on Friday without any agreement, Defence Minister Khawaja Asif said "
        "on Saturday, adding that the ceasefire would hold as long as there were no attacks "
        "from Afghan territory.\n"
        '"The talks have ended and there is no next round planned," Asif told Geo News.\n'
        "Afghan Taliban spokesman Zabihullah Mujahid blamed Pakistan's delegation for an "
        '"irresponsible and uncooperative" attitude. He accused Pakistani forces of violating '
        "the ceasefire by firing mortar shells into Spin Boldak on Thursday, wounding five "
        "civilians.",
        [inc("2025-11-06", ["Spin Boldak"], "airstrike_or_shelling", None, "Afghanistan")],
        [ev("2025-11-07", "talks_round", "failed"), ev("2025-11-06", "statement_of_breach")],
    ),
    (
        "h07",
        "2025-11-05",
        "Five soldiers martyred in North Waziristan IED blast\n"
        "Five soldiers were martyred when an improvised explosive device hit their vehicle in "
        "the Datta Khel area of North Waziristan on Tuesday, the ISPR said.\n"
        "In a separate intelligence-based operation in Bajaur district, security forces "
        "killed seven khawarij, the statement said.\n"
        "Security forces have killed 1,100 terrorists in Khyber Pakhtunkhwa so far this year, "
        "according to official figures.",
        [
            inc("2025-11-04", ["Datta Khel", "North Waziristan"], "militant_attack", 5),
            inc(None, ["Bajaur"], "armed_clash", 7),
        ],
        [],
    ),
    (
        "h08",
        "2025-10-28",
        "Torkham reopens for refugees as Istanbul talks continue\n"
        "PESHAWAR: Pakistan reopened the Torkham border crossing on Monday for Afghan "
        "nationals returning home, officials said, while trade remained suspended for a "
        "third week.\n"
        "Talks between the two countries in Istanbul went into a third day on Monday, with "
        "mediators from Turkey and Qatar trying to agree a mechanism to monitor the "
        "ceasefire.\n"
        "Earlier this month hundreds of trucks were stranded on both sides of the crossing "
        "after clashes in which dozens were killed.",
        [],
        [ev("2025-10-27", "talks_round")],
    ),
]

TUNING = [
    (
        "t01",
        "2025-10-18",
        "Pakistani air strikes kill 10 in Paktika, Taliban say\n"
        "KABUL, Oct 18 (Reuters) - Pakistani air strikes on the Afghan province of Paktika "
        "killed at least 10 people on Friday night, including three local cricketers, Afghan "
        "officials said, hours after a 48-hour ceasefire expired.\n"
        "The strikes hit residential areas in the Urgun and Barmal districts, a Taliban "
        "spokesman said. A Pakistani security official said the strikes targeted hideouts of "
        "the Hafiz Gul Bahadur group, which it blamed for a suicide attack on a military camp "
        "in Mir Ali, North Waziristan, on Friday that killed seven soldiers.\n"
        "Pakistan and Afghanistan agreed to the truce on Wednesday after clashes that killed "
        "dozens.",
        [
            inc(
                "2025-10-17",
                ["Paktika", "Urgun", "Barmal"],
                "airstrike_or_shelling",
                10,
                "Afghanistan",
            ),
            inc("2025-10-17", ["Mir Ali", "North Waziristan"], "militant_attack", 7),
        ],
        [],
    ),
    (
        "t02",
        "2025-11-11",
        "Security forces thwart attack on Wana cadet college\n"
        "RAWALPINDI: Security forces on Tuesday killed all the terrorists who stormed the "
        "Cadet College Wana in South Waziristan on Monday evening, the ISPR said.\n"
        "An explosive-laden vehicle was rammed into the main gate, after which gunmen entered "
        "the administrative block. Three soldiers embraced shahadat while five khawarij were "
        "sent to hell, the military said, adding that all students were safe.\n"
        "The ISPR said the attack was planned in Afghanistan.",
        [inc("2025-11-10", ["Wana", "South Waziristan"], "militant_attack", 8)],
        [],
    ),
    (
        "t03",
        "2025-10-31",
        "Pakistan, Afghanistan agree to extend ceasefire after Istanbul talks\n"
        "ANKARA: Pakistan and Afghanistan agreed on Thursday to extend their ceasefire and "
        "set up a monitoring and verification mechanism, Turkey's foreign ministry said on "
        "Friday.\n"
        "The sides will meet again in Istanbul on November 6 to finalise how the mechanism "
        "will work, the statement said. Talks had nearly collapsed on Wednesday.",
        [],
        [
            ev("2025-10-30", "ceasefire_extended"),
            ev("2025-10-30", "mechanism_agreed"),
            ev("2025-11-06", "talks_round", "planned"),
        ],
    ),
    (
        "t04",
        "2025-10-30",
        "Five soldiers martyred as infiltration bid foiled in Kurram\n"
        "Five soldiers were martyred and 25 terrorists were killed as security forces foiled "
        "two infiltration attempts from Afghanistan in Kurram and North Waziristan districts "
        "on the night of October 24-25, the ISPR said.\n"
        "The military said the infiltration attempts raised questions about the Afghan "
        "Taliban's intentions during the ceasefire, which it accused Kabul of violating.",
        [inc("2025-10-24", ["Kurram", "North Waziristan"], "armed_clash", 30)],
        [ev("2025-10-30", "statement_of_breach")],
    ),
    (
        "t05",
        "2025-10-13",
        "Afghan forces say 58 Pakistani soldiers killed in night clashes\n"
        "KABUL (TOLOnews) - The Islamic Emirate's spokesman Zabihullah Mujahid said on Sunday "
        "that Afghan forces killed 58 Pakistani soldiers and captured 25 posts in retaliatory "
        "operations along the Durand Line last night.\n"
        "Mujahid said nine Afghan forces were killed and 16 wounded in the clashes in Kunar, "
        "Helmand, Paktia and Khost provinces.\n"
        "Qatar and Saudi Arabia called on both sides to exercise restraint.",
        [
            inc(
                "2025-10-11",
                ["Durand Line", "Kunar", "Helmand", "Paktia", "Khost"],
                "armed_clash",
                67,
                "Pakistan-Afghanistan border (unspecified side)",
                agg=True,
            )
        ],
        [ev("2025-10-12", "other")],
    ),
    (
        "t06",
        "2025-11-03",
        "Two policemen martyred in Lakki Marwat attack\n"
        "LAKKI MARWAT: Two policemen were martyred and another was injured when unidentified "
        "gunmen opened fire on a police checkpost in the Bargai area of Lakki Marwat late on "
        "Sunday night, police said.\n"
        "The attackers fled under cover of darkness. A search operation was launched in the "
        "area. Separately, a roadside bomb wounded three soldiers in Tank district on Monday "
        "morning.\n"
        "Khyber Pakhtunkhwa has seen a surge in attacks on police since the Tehreek-i-Taliban "
        "Pakistan ended its ceasefire with the government in November 2022.",
        [
            inc("2025-11-02", ["Bargai", "Lakki Marwat"], "militant_attack", 2),
            inc("2025-11-03", ["Tank"], "militant_attack", None),
        ],
        [],
    ),
]

TUNING += [
    (
        "t07",
        "2025-10-22",
        "Pakistan Army kills 34 terrorists in three operations: ISPR\n"
        "RAWALPINDI: Security forces killed 34 terrorists belonging to Fitna al-Khawarij in "
        "three separate intelligence-based operations in Khyber Pakhtunkhwa on October 20 and "
        "21, the ISPR said on Wednesday.\n"
        "Eighteen khwarij were killed in North Waziristan, eight in South Waziristan and eight "
        "in Bannu district, the statement said.\n"
        "Separately, two soldiers were martyred when terrorists opened fire on a checkpost in "
        "the Tirah valley of Khyber district on Tuesday night.",
        [inc("2025-10-21", ["Tirah", "Khyber"], "militant_attack", 2)],
        [],
    ),
    (
        "t08",
        "2025-11-15",
        "Afghan, Pakistani forces trade fire at Chaman border\n"
        "CHAMAN: Pakistani and Afghan border forces exchanged heavy fire at the Chaman-Spin "
        "Boldak crossing late on Friday, officials on both sides said, in the first serious "
        "violation of the ceasefire agreed in Doha last month.\n"
        "A Pakistani official said two civilians were wounded on the Pakistani side. Taliban "
        "spokesman Zabihullah Mujahid said Pakistani forces fired first and that a woman was "
        "killed in Spin Boldak.\n"
        "Both sides have accused each other of violating the truce.\n"
        "The two countries fought their worst clashes since 2021 in October, when dozens of "
        "soldiers and civilians were killed.",
        [
            inc(
                "2025-11-14",
                ["Chaman", "Spin Boldak"],
                "cross_border_fire",
                1,
                "Pakistan-Afghanistan border (both sides)",
            )
        ],
        [ev("2025-11-14", "statement_of_breach")],
    ),
    (
        "t09",
        "2025-10-25",
        "Pakistan, Afghanistan begin second round of talks in Istanbul\n"
        "ISTANBUL: Delegations from Pakistan and Afghanistan began a second round of talks in "
        "Istanbul on Saturday, aimed at working out a mechanism to monitor the ceasefire agreed "
        "in Doha last week.\n"
        "The Pakistani delegation is led by a two-member team of security officials, while "
        "the Afghan side is led by Deputy Interior Minister Rahmatullah Najib.\n"
        "The talks are being mediated by Turkey and Qatar.",
        [],
        [ev("2025-10-25", "talks_round")],
    ),
    (
        "t10",
        "2025-11-18",
        "Three killed in quadcopter attack in Bajaur\n"
        "BAJAUR: Three people, including a child, were killed and four others injured when a "
        "quadcopter dropped explosives on a house in the Mamund tehsil of Bajaur district on "
        "Monday, police said.\n"
        "Local residents said it was the third such attack in the area in the past week. "
        "Police have registered a case against unknown persons.",
        [inc("2025-11-17", ["Mamund", "Bajaur"], "airstrike_or_shelling", 3)],
        [],
    ),
    (
        "t11",
        "2025-10-15",
        "Pakistan, Afghanistan agree to 48-hour ceasefire after deadly clashes\n"
        "ISLAMABAD (AFP) - Pakistan and Afghanistan agreed to a 48-hour ceasefire on "
        "Wednesday after fresh border clashes killed dozens of people, Islamabad said.\n"
        "The truce took effect at 6 pm Pakistan time, the foreign office said. Kabul "
        "confirmed the ceasefire and said it had ordered its forces to respect it as long as "
        "Pakistan did not violate it.\n"
        "Earlier on Wednesday, Afghan officials said 12 civilians were killed and more than "
        "100 wounded when Pakistani forces attacked Spin Boldak.",
        [inc("2025-10-15", ["Spin Boldak"], "other", 12, "Afghanistan")],
        [ev("2025-10-15", "ceasefire_declared")],
    ),
    (
        "t12",
        "2025-11-27",
        "Suicide bomber kills three at FC headquarters in Peshawar\n"
        "PESHAWAR: Three Federal Constabulary personnel were martyred when suicide bombers "
        "attacked the FC headquarters on Saddar Road on Monday morning, police said.\n"
        "One attacker blew himself up at the main gate while two others were killed by "
        "security personnel as they tried to enter the compound, Capital City Police Officer "
        "Mian Saeed said.\n"
        "It was the second attack on security forces in the provincial capital this month.",
        [inc("2025-11-24", ["Peshawar", "Saddar Road"], "militant_attack", 6)],
        [],
    ),
]


def main() -> None:
    here = Path(__file__).parent
    for name, batch in (("heldout", HELDOUT), ("tuning", TUNING)):
        arts, gold = [], []
        for aid, pub, text, incs, evs in batch:
            arts.append({"id": f"syn_{name}_{aid}", "pub_date": pub, "text": text})
            gold.append(
                {
                    "id": f"syn_{name}_{aid}",
                    "pub_date": pub,
                    "incidents": incs,
                    "agreement_events": evs,
                    "obligations": [],
                }
            )
        (here / f"synth_{name}_articles.jsonl").write_text(
            "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in arts), "utf-8"
        )
        (here / f"synth_{name}_gold.jsonl").write_text(
            "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold), "utf-8"
        )


if __name__ == "__main__":
    main()
