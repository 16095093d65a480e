"""Trigger words and cue phrases for incidents, in one place so they can be read and tuned.

The incident types are the canonical vocabulary of the news-dev set (README "Label
vocabularies"). The rules that pick one type from these triggers live in `incidents.py`;
this module only says which words signal what:

* STRIKE: a strike, shelling or drone is named (the only way to `airstrike_or_shelling`:
  "attribution literalism" means bare "explosions" or "attacks" never qualify);
* MILITANT_STRONG: means typical of non-state attacks (suicide bomber, explosive-laden
  vehicle, IED, gunmen, storming);
* ATTACK: the bare word "attack", militant only when the attacker is not a state force;
* CLASH, CROSS_BORDER, ARREST, HIDEOUT, DESTROY, OTHER_EVENT: the remaining types;
* KILL_OR_HURT: casualty verbs that make a sentence an event sentence even without a type;
* BACKGROUND, AGGREGATE, DISCONTINUITY, ANAPHORA: cues about how a sentence relates to
  the story (earlier events, totals, "in another development", "the attack").

Standard library only; this module must not import Django.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

STRIKE = re.compile(
    r"\b(?:air\s*strikes?|airstrikes?|air\s+raids?|drone\s+(?:strikes?|attacks?)|"
    r"drones?\b[^.;]{0,30}?\b(?:struck|strikes?|hit|targeted|attacked)|quadcopters?\s+(?:struck|"
    r"attack\w*)|"
    r"bombard(?:ment|ments|ed|ing)|aerial\s+bombardments?|shelling|shelled|artillery|"
    r"(?:glide|guided|aerial|cluster|barrel)\s+bombs?|"
    r"mortars?|missiles?|rocket\s+(?:attacks?|fire)|rockets?\s+(?:hit|struck|fired)|"
    r"precision\s+strikes?|fired\s+(?:\w+\s+){0,2}(?:rockets?|missiles?|mortars?|shells?)|"
    r"strikes?\s+(?:on|against|targeting)|launch(?:ed|ing)\s+(?:air)?strikes|"
    # "the strike in Khan Younis", not "went on strike in Quetta"
    r"(?<!on\s)(?<!general\s)(?<!hunger\s)(?<!labor\s)(?<!labour\s)"
    r"(?-i:strikes?)\s+(?:in|near|at)\s+(?=(?-i:[A-Z]))|"
    r"(?:israeli|pakistani|indian|russian|ukrainian|afghan|u\.s\.|american|"
    r"us)\s+(?:air\s*)?strikes?|"
    r"warplanes?|fighter\s+jets?\s+(?:struck|bombed|hit)|bombed|bombing\s+(?:raids?|campaign)|"
    r"(?:aircraft|jets|tanks|gunboats|helicopters?|artillery)\s+(?:and\s+\w+\s+)?"
    r"(?:struck|pounded|shelled|bombed|hit|fired\s+on)|"
    r"air\s+force\s+and\s+army\s+jointly|drone\s+strike|"
    r"(?:struck|hit|pounded|targeted)\s+(?:dozens\s+of\s+|several\s+|multiple\s+|\d+\s+)"
    r"(?:[\w’'-]+\s+){0,4}?targets)\b",
    _I,
)
CROSS_BORDER = re.compile(
    r"\b(?:cross-border\s+(?:firing|fire|gunfire)|firing\s+across\s+the\s+border|"
    r"(?:exchang\w*|traded)\s+(?:of\s+)?(?:heavy\s+|intense\s+)?(?:fire|gunfire|firing)\b"
    r"[^.;]{0,50}?\b(?:border|frontier|line\s+of\s+control|LoC|crossing)\b|"
    r"\bborder\s+(?:forces|guards|troops)\s+(?:exchanged|traded)\s+(?:heavy\s+|intense\s+)?fire|"
    r"\b(?:border|frontier)\b[^.;]{0,40}?\bexchanges?\s+of\s+(?:heavy\s+)?fire|"
    r"(?:firing|fire|shelling)\s+(?:on|at)\s+(?:[\w’'-]+\s+){0,3}?(?:positions?|posts?)\s+"
    r"(?:across|along|on)\s+the\s+(?:[\w-]+\s+){0,2}(?:border|frontier|Durand\s+Line|LoC)\b|"
    r"(?:unprovoked\s+)?(?:firing|fire|shelling)\s+(?:from\s+)?(?:across|along)\s+the\s+"
    r"(?:[\w-]+\s+){0,2}(?:border|frontier|Durand\s+Line|line\s+of\s+control|LoC))\b",
    _I,
)
CLASH = re.compile(
    r"\b(?:(?i:clash(?:es|ed)?|exchanges?\s+of\s+(?:heavy\s+)?fire|"
    r"exchanged\s+(?:heavy\s+|intense\s+)?fire|traded\s+(?:heavy\s+)?fire|gun\s*battle|"
    r"gunfight|fire\s*fight|firefight|fighting|skirmish(?:es)?|encounter|shoot-?out)|"
    r"ground\s+engagements?|[Ii]ntelligence[- ]based\s+operations?|"
    r"(?i:offensives?|counter-?attacks?|crossfire|(?:seized|captured|took\s+control\s+of|"
    r"overran)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+)?(?:town|city|village|area|district|positions?|posts?|base|hill))|"
    r"(?:security|military|clearance|retaliatory|counter-terrorism|search)\s+operations?|"
    r"(?i:(?:killed|eliminated|neutrali[sz]ed)\s+(?:[\w-]+\s+){0,6}?in\s+(?:an?|the)\s+"
    r"(?:[\w-]+\s+)?operation|(?:during|in)\s+(?:two|three|four|several|multiple|\d+)\s+"
    r"(?:separate\s+)?(?:[\w-]+\s+)?operations|in\s+(?:a|another)\s+separate\s+(?:[\w-]+\s+)?"
    r"operation)|"
    r"(?i:infiltration\s+(?:attempts?|bids?|bid)|(?:foiled|thwarted|repulsed)\s+(?:an?\s+|two\s+|"
    r"several\s+|multiple\s+)?(?:\w+\s+)?infiltration)|"
    # forces beating back an assault is an exchange of fire, whoever attacked
    r"(?i:(?:repulsed|repelled|beat\s+back|fought\s+off)\s+(?:an?\s+|the\s+|several\s+|"
    r"multiple\s+)?(?:[\w-]+\s+)?(?:attacks?|assaults?|offensive)))\b",
)
MILITANT_STRONG = re.compile(
    r"\b(?:suicide(?:-style)?\s+(?:attacks?|bomb(?:ing|er|ers)?|blasts?|attackers?|bombers?)|"
    r"(?:suicide\s+)?(?:car|truck|vehicle)\s+bomb\w*|"
    r"suicide\s+(?:truck\s+)?bombing|(?:vehicle|car|truck)[- ]borne|VBIED|IEDs?|"
    r"improvised\s+explosive|explosives?-(?:laden|packed|rigged)|bomb-(?:laden|rigged)|"
    r"booby-trapped|(?:motorcycle|motorbike|bicycle|roadside|magnetic|sticky)\s+bombs?|"
    r"bomb\s+(?:blast|attack)|gunmen|gunman|"
    r"gun\s+attack|ambush(?:ed)?|storm(?:ed|ing)?\s+(?:the|a)|attempt(?:ed|ing)?\s+to\s+storm|"
    r"terrorists?\s+(?:attack\w*|carried|stormed|rammed|ram|opened|targeted)|"
    r"terror(?:ist)?\s+attacks?|militants?\s+(?:attacked|stormed|ambushed|opened)|"
    r"attackers\s+(?:targeted|attacked|stormed|opened)|opened\s+fire|murdered|massacred?|"
    r"assassinat\w+|beheaded|abducted|kidnapped|grenade\s+attack|shot\s+dead|"
    r"targeted\s+killing|suicide\s+bomber|bomber\s+(?:struck|detonated|blew)|"
    r"detonated\s+himself|blew\s+himself\s+up|armed\s+attack|"
    r"(?:came|come|comes|coming)\s+under\s+(?:\w+\s+)?(?:fire|attack)\s+from\s+(?:[\w-]+\s+){0,2}"
    r"(?:militants?|terrorists?|gunmen|insurgents?|attackers|Hamas|Hezbollah|TTP|BLA|"
    r"khwarij|khawarij|separatists?|rebels?))\b",
    _I,
)
ATTACK = re.compile(r"\b(?:attack(?:s|ed|ing)?|assault(?:s|ed)?|raid(?:s|ed)?)\b", _I)
ARREST = re.compile(
    r"\b(?:arrest(?:ed|s|ing)?|detain(?:ed|s|ing)?|detention|apprehend(?:ed|ing)?|nabbed|"
    r"taken\s+into\s+custody|rounded\s+up|convicted|sentenced|indicted|prosecut\w+|"
    r"charged\s+with|held\s+for\s+questioning|raided\s+the\s+(?:house|home|residence))\b",
    _I,
)
HIDEOUT = re.compile(
    r"\b(?:(?:hideouts?|safe\s+houses?|terrorist\s+camps?|training\s+camps?|networks?|cells?|"
    r"dens?)\b[^.;]{0,60}\b(?:dismantled|destroyed|busted|demolished|unearthed|neutrali[sz]ed)|"
    r"(?:dismantl\w+|bust(?:ed|ing)|demolish\w+|unearth\w+)\b[^.;]{0,40}\b"
    r"(?:hideouts?|networks?|cells?|camps?))\b",
    _I,
)
DESTROY = re.compile(
    r"\bdestroy(?:ed|s|ing)?\s+(?:an?\s+|the\s+|[\w’']+\s+){0,2}(?:ammunition\s+)?"
    r"(?:depots?|posts?|positions?|bunkers?|check\s*posts?|outposts?|bases?)\b",
    _I,
)
OTHER_EVENT = re.compile(
    r"\b(?:landmines?|land\s+mines?|mine\s+blast|triggered\s+a\s+(?:land)?mine|explosions?|"
    r"blasts?|drone\s+incursions?|drones?\s+(?:were\s+)?(?:intercepted|downed|shot\s+down)|"
    r"downed\s+(?:small\s+)?drones|exploded|detonation)\b",
    _I,
)
KILL_OR_HURT = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|martyr(?:ed|ing|dom)|dead|died|deaths?|slain|murdered|"
    r"injur(?:ed|ing|ies)|wounded|wounding|hurt|casualties|lost\s+(?:their\s+)?lives|"
    r"death\s+toll)\b",
    _I,
)

BACKGROUND = re.compile(
    r"\b(?:earlier\s+this\s+(?:month|week|year)|last\s+(?:month|year)|previous(?:ly)?|"
    # "was involved in a 2020 attack": an event named by its year
    r"(?:a|an|the)\s+(?:19|20)\d\d\s+(?:[\w-]+\s+)?(?:attacks?|bombings?|blasts?|strikes?|"
    r"assaults?|raids?|massacres?|killings?|clashes|war|offensive)|"
    r"(?:after|following)\s+another\s+(?:suicide\s+)?(?:attack|blast|bombing|explosion)|"
    # "The current escalation stems from Pakistani airstrikes in Kabul on October 9"
    r"stem(?:s|med)?\s+from|"
    r"similar\s+(?:incidents?|"
    r"attacks?)|"
    r"deadliest\s+(?:since|in)|worst\s+(?:since|in)|(?:came|comes?|coming)\s+(?:less\s+than\s+)?"
    r"(?:\w+\s+){0,3}(?:after|amid)|(?:days|weeks|months|years)\s+(?:ago|after|before|earlier)|"
    r"since\s+the\s+(?:start|beginning|escalation|outbreak)|"
    r"had\s+(?:launched|announced|carried\s+out|attacked|agreed|signed|declared|captured)|"
    r"in\s+(?:19|20)\d\d|the\s+(?:19|20)\d\d\s+(?:[\w-]+\s+){0,3}(?:attack|bombing|massacre|"
    r"war|conflict|clashes|siege)|"
    r"the\s+latest\s+attacks?\s+came|followed\s+(?:the|a|an|\w+[’']s)|"
    r"in\s+response\s+to|had\s+(?:occurred|happened|taken\s+place|targeted|struck|come\s+under)|"
    r"amid\s+a\s+series|has\s+since|last\s+(?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december)|recent\s+(?:rounds?|months|years)|"
    r"this\s+comes\s+after|were\s+captured\s+during|"
    r"(?:days|weeks|months|years)\s+of\s+(?:\w+\s+)?(?:clashes|fighting|attacks|violence|war|"
    r"conflict|skirmishes))\b",
    _I,
)
AGGREGATE = re.compile(
    r"\b(?:since\s+the\s+(?:start|beginning|launch|escalation|outbreak)|so\s+far|in\s+total|"
    r"a\s+total\s+of|in\s+the\s+(?:last|past)\s+\d+\s+(?:days|weeks|months)|"
    r"over\s+the\s+(?:last|past)|(?:various|several|different|multiple)\s+"
    r"(?:operations|districts|attacks|places|locations|areas|violent\s+events|strikes|assaults)|"
    r"successive\s+(?:\w+\s+)?(?:attacks|strikes|raids)|"
    r"(?:provinces|regions|states)\s+of\s+[A-Z][\w-]+(?:,\s+[A-Z][\w-]+)*,?\s+and\s+[A-Z][\w-]*|"
    r"[A-Z][\w-]+\s+and\s+[A-Z][\w-]+\s+provinces|"
    r"(?:northern|southern|eastern|western)\s+and\s+(?:northern|southern|eastern|western)|"
    r"ongoing\s+(?:military\s+)?operation|at\s+least\s+\d+\s+(?:locations|targets|sites)|"
    r"\d+\s+locations|continued\s+(?:rocket\s+)?attacks|a\s+series\s+of|months\s+of\s+attacks|"
    r"day\s+and\s+night|relentless(?:ly)?|"
    r"(?:two|three|four|five|six|seven|several|multiple|\d+)\s+separate\s+(?:[\w-]+\s+){0,2}?"
    r"(?:operations|attacks|raids|strikes|incidents|engagements)|"
    r"between\s+[A-Z][a-z]+\s+\d{1,2}\s+and\s+[A-Z][a-z]+\s+\d{1,2}|"
    r"in\s+recent\s+days|since\s+[A-Z][a-z]+\.?\s+\d{1,2}|the\s+month\s+of|"
    r"(?:across|over|in|within)\s+(?:a|the)\s+(?:past\s+|last\s+)?\d+[\s-]+hours?(?:\s+period)?|"
    r"(?i:(?:wave|series|spate)\s+of\s+(?:\w+\s+)?(?:attacks|strikes|bombings|blasts)|"
    r"coordinated\s+attacks|"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    r"(?:separate\s+)?(?:intelligence-based\s+|security\s+|military\s+)?operations|"
    r"in\s+(?:several|multiple|various|different)\s+(?:places|locations|"
    r"districts|areas|cities|towns))|"
    r"(?i:(?:intensified|stepped\s+up|escalated|continued|ongoing|renewed)\s+(?:its\s+|their\s+)?"
    r"(?:offensives?|attacks|operations|strikes|shelling|campaign)))\b",
)
_NUM = (
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty)"
)
#: "in the past week", "so far this year", "since 2021": a total over a period.
PERIOD_TOTAL = re.compile(
    r"\b(?:(?:in|during|over)\s+the\s+(?:last|past|previous)\s+(?:(?:few|several|two|three|four|"
    r"\w+)\s+)?(?:week|weeks|month|months|year|days)|so\s+far\s+this\s+(?:year|month)|"
    r"over\s+the\s+(?:[\w-]+\s+){0,3}period|during\s+the\s+first\s+(?:\w+\s+){1,2}(?:weeks|days|months)|"
    r"(?:this|last)\s+year\s+alone|since\s+(?:(?:early|late|mid)[\s-]+)?(?:(?:19|20)\d\d|(?-i:January|February|March|"
    r"April|May|June|July|August|September|October|November|December)(?!\s+\d)|"
    r"the\s+[“\"‘']?(?:ceasefire|truce)[”\"’']?\s+(?:was|took|came))|"
    # "since the border clashes began", "since the war broke out": a total since a start
    r"since\s+the\s+(?:[\w-]+\s+){0,4}?(?:clashes|fighting|war|conflict|hostilities|offensive|"
    r"escalation|violence)\b[^,.;]{0,50}?\b(?:began|begun|started|erupted|broke\s+out|flared))\b",
    _I,
)
#: "killed in North Waziristan, eight in South Waziristan and eight in Bannu": a breakdown.
BREAKDOWN = re.compile(
    r"\bin\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?:\s+district)?,\s+(?i:(?:and\s+)?"
    + _NUM
    + r"\s+(?:\w+\s+){0,2}?in\s+)[A-Z]"
)
DISCONTINUITY = re.compile(
    r"^\W*(?:in\s+(?:another|a\s+separate)\s+(?:important\s+)?(?:development|incident|attack)|"
    r"separately|elsewhere|in\s+a\s+separate|earlier\s+(?:in\s+the|that)\s+day|"
    # "Another police constable was martyred in Bannu": a further event, not more of this one
    r"another\s+(?!\d)(?:[\w-]+\s+){0,2}?(?:soldiers?|policem[ae]n|constables?|officers?|"
    r"civilians?|attacks?|blasts?|explosions?|bombings?|incidents?|strikes?|clashe?s?))\b",
    _I,
)
ANAPHORA = re.compile(
    r"^\W*(?:in\s+response|in\s+turn|in\s+retaliation)\b|"
    r"\b(?:during|in)\s+the\s+(?:[\w-]+\s+){0,2}(?:counter-?attacks?|attack|operations?|clashes|"
    r"fighting|assault|raid|crossfire)\b|"
    r"^\W*(?:(?:when|as|after|before|during)\s+)?(?:(?:the|this|these|that)\s+(?:\w+\s+){0,2}"
    r"(?:attack|attacks|blast|explosion|assault|bombing|incident|strike|strikes|raid|fighting|"
    r"clashes|victims|casualties|bomber|attacker|attackers|assailants|militants|gunmen|dead|"
    r"injured|wounded)|(?:the|these)\s+(?:fighting|clashes))\b",
    _I,
)
#: "The incident took place on Thursday night": dates the event told just before.
HAPPENED = re.compile(
    r"(?:^\W*|\bsaid,?\s*[“\"]\s*)(?:the|this)\s+(?:\w+\s+)?(?:incident|attack|blast|explosion|"
    r"assault|bombing|strike|clash(?:es)?|firing|ambush|fighting|violence|shelling|operation|IBO|"
    r"raid)\s+(?:took\s+place|occurred|happened|was\s+(?:carried\s+out|conducted|launched)|"
    r"broke\s+out|erupted)\b",
    _I,
)
SAME_PLACE = re.compile(
    r"\b(?:in|at)\s+the\s+same\s+(?:district|area|city|town|province|region|village)\b", _I
)
REFERENTIAL = re.compile(
    r"\b(?:of|into|after|behind|in|on|for|over)\s+the\s+(?:[\w’'-]+\s+){0,4}"
    r"(?:attack|bombing|blast|explosion|assault)\b|\b(?:bombing|attack)\s+suspect\b|"
    r"\bprobe\s+into\b",
    _I,
)
STATE_ATTACKER = re.compile(
    r"\b(?:israeli|pakistani|indian|russian|ukrainian|afghan|thai|cambodian|sudanese|"
    r"colombian|congolese|american|u\.s\.)\s+(?:military\s+|army\s+|armed\s+forces\s+)?"
    r"(?:attacks?|assaults?|operations?)\b|\b(?:attacks?|assaults?)\s+by\s+(?:the\s+)?"
    r"(?:israeli|pakistani|indian|russian|afghan|thai|cambodian)\b|"
    r"\b(?:Pakistan|Afghanistan|Israel|India|Russia|Ukraine|Thailand|Cambodia|Kabul|Islamabad|"
    r"(?:security\s+)?forces|troops|army|military)\s+(?:\w+\s+){0,2}?(?:launched|carried\s+out|"
    r"conducted|mounted)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:attacks?|assaults?|offensive)\b",
    _I,
)
#: "Pakistani forces attacked Spin Boldak": a state attack with no stated means.
STATE_FORCES_ATTACKED = re.compile(
    r"\b(?:israeli|pakistani|indian|russian|ukrainian|afghan|thai|cambodian)\s+(?:security\s+)?"
    r"(?:forces|troops|military|army|soldiers)\s+(?:\w+\s+)?(?:attacked|assaulted)\b",
    _I,
)
#: A state force fighting another force: an exchange, not a militant attack.
STATE_FORCES_ATTACK = re.compile(
    r"\b(?:forces|troops|soldiers|army|military|border\s+guards)\s+(?:\w+\s+){0,2}?"
    r"(?:attacked|stormed|raided|targeted|opened\s+fire\s+on)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:posts?|positions?|check\s*posts?|outposts?|bases?|border|locations|troops|forces)\b|"
    r"\b(?:troops|soldiers|police|policemen|forces|guards)\s+(?:\w+\s+){0,2}?opened\s+fire\b|"
    # the Afghan Taliban govern Afghanistan: their forces' attacks on Pakistan's are fighting
    # between two states' forces ("Afghan Taliban militants launched attacks at four places")
    r"\bAfghan\s+Taliban\b[^.;]{0,40}?\b(?:launched|carried\s+out|mounted|resorted\s+to|"
    r"attacked|opened\s+fire)\b|"
    # "retaliatory attacks on Pakistani military positions": fighting between forces
    r"\b(?:retaliatory|counter)[\s-]+(?:attacks?|strikes?|operations?|fire)\s+(?:on|against)\s+"
    r"(?:[\w’'-]+\s+){0,3}?(?:posts?|positions?|check\s*posts?|outposts?|bases?)\b",
    _I,
)
#: Phrases about stopping violence: never an incident ("agreed to cease all fighting").
CEASE = re.compile(
    r"\b(?:cease(?:d)?\s+(?:all\s+)?(?:fighting|firing|hostilities|military\s+actions?)"
    r"(?:\s+forever)?|cessation\s+of\s+hostilities|(?:a\s+)?(?:halt|end)\s+to\s+(?:the\s+)?"
    r"(?:renewed\s+)?(?:fighting|hostilities|violence|war)|ended\s+(?:the\s+)?fighting|"
    r"stop\s+(?:the\s+)?fighting|not\s+(?:to\s+)?(?:fire|initiate)[^.;]{0,60}|"
    r"military\s+actions?\s+against\s+each\s+other|cross-border\s+hostilities|"
    r"moratorium\s+on\s+(?:[\w-]+\s+){0,4}(?:strikes|attacks)(?:\s+(?:on|"
    r"against)\s+(?:[\w-]+\s+){0,3}"
    r"(?:infrastructure|facilities|targets))?|"
    r"(?:halt|stop|suspend|pause|cease)\w*\s+(?:all\s+)?(?:[\w-]+\s+){0,2}(?:strikes|attacks|"
    r"firing)"
    r"(?:\s+(?:on|against)\s+(?:[\w-]+\s+){0,3}(?:infrastructure|facilities|targets))?|"
    # "seeking to end weeks of deadly clashes": the fighting a truce is meant to stop
    r"(?:end|ending|ended|halt|halting|halted|stop|stopping|stopped|pause|paused|pausing)\s+"
    r"(?:the\s+)?(?:(?:several|many|a\s+few|\w+)\s+)?(?:days|weeks|months|years)\s+of\s+"
    r"(?:[\w-]+\s+){0,2}(?:clashes|fighting|hostilities|violence|war|conflict|attacks))\b",
    _I,
)
