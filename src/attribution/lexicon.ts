/**
 * Generic English word lists for attribution. None of them names a person: people are found in
 * the text itself, so the same code works on names it has never seen.
 */

const words = (text: string): Set<string> => new Set(text.trim().split(/\s+/));

/** Verbs that report speech or a public statement, in any tense (lower case). */
export const SPEECH_VERBS = words(`
  say says said saying tell tells told telling add adds added adding ask asks asked asking
  warn warns warned warning note notes noted explain explains explained explaining
  state states stated declare declares declared announce announces announced announcing
  insist insists insisted argue argues argued claim claims claimed write writes wrote
  tweet tweets tweeted post posts posted reply replies replied respond responds responded
  answer answers answered acknowledge acknowledges acknowledged admit admits admitted
  concede concedes conceded confirm confirms confirmed deny denies denied
  emphasize emphasizes emphasized emphasise emphasises emphasised stress stresses stressed
  suggest suggests suggested predict predicts predicted promise promises promised
  vow vows vowed pledge pledges pledged urge urges urged complain complains complained
  charge charges charged contend contends contended counter counters countered
  recall recalls recalled remark remarks remarked observe observes observed
  continue continues continued conclude concludes concluded caution cautions cautioned
  reiterate reiterates reiterated maintain maintains maintained assure assures assured
  boast boasts boasted joke jokes joked quip quips quipped muse muses mused
  lament laments lamented criticize criticizes criticized criticise criticises criticised
  accuse accuses accused demand demands demanded propose proposes proposed
  disclose discloses disclosed reveal reveals revealed testify testifies testified
  signal signals signaled signalled hint hints hinted
  describe describes described dismiss dismisses dismissed defend defends defended
  object objects objected protest protests protested point points pointed
  agree agrees agreed disagree disagrees disagreed allege alleges alleged
  assert asserts asserted affirm affirms affirmed repeat repeats repeated
  mention mentions mentioned report reports reported announce recount recounts recounted
  explain describe highlight highlights highlighted thank thanks thanked praise praises praised
  blast blasts blasted slam slams slammed scoff scoffs scoffed shout shouts shouted
  whisper whispers whispered cry cries cried exclaim exclaims exclaimed retort retorts retorted
  call calls called label labels labeled labelled brand brands branded
  question questions questioned challenge challenges challenged
  acknowledge recommend recommends recommended advise advises advised
  estimate estimates estimated forecast forecasts calculate calculates calculated
  concur concurs concurred interject interjects interjected
  exhort exhorts exhorted proclaim proclaims proclaimed bemoan bemoans bemoaned decry decries decried
  tout touts touted mock mocks mocked deride derides derided lambaste lambastes lambasted
  rebuke rebukes rebuked scold scolds scolded plead pleads pleaded
  warning telling adding noting insisting arguing claiming explaining stressing asking declaring
  announcing complaining suggesting acknowledging promising vowing urging accusing calling
  tweeting writing replying responding answering admitting conceding confirming denying
  emphasizing predicting recalling repeating reiterating describing questioning countering
  contending asserting observing remarking joking boasting declaring cautioning recounting
  testifying lamenting quipping alleging blasting criticizing praising
`);

/** Cues that take an object ("told reporters", "accused Holt"): a name after them is never the speaker. */
export const TRANSITIVE_CUES = words(`
  tell tells told telling call calls called calling accuse accuses accused accusing urge urges urged
  urging criticize criticizes criticized criticise criticises criticised praise praises praised
  thank thanks thanked blast blasts blasted slam slams slammed question questions questioned
  challenge challenges challenged label labels labeled labelled brand brands branded describe
  describes described dismiss dismisses dismissed defend defends defended advise advises advised
  recommend recommends recommended promise promises promised assure assures assured mock mocks
  mocked deride derides derided lambaste lambastes lambasted rebuke rebukes rebuked scold scolds
  scolded exhort exhorts exhorted remind reminds reminded
`);

/** Words that open a subordinate clause: a cue inside one is rarely the sentence's statement. */
export const SUBORDINATORS = words(`
  when as after before while if because although though since until once whether where that which
  whom unless whereas
`);

/** Cue verbs that only report speech with a following word ("pointed out", "went on to"). */
export const VERB_PARTICLES: Record<string, Set<string>> = {
  point: words('out to'), points: words('out to'), pointed: words('out to'),
  object: words('to that'), objects: words('to that'), objected: words('to that'),
  agree: words('that'), agrees: words('that'), agreed: words('that'),
  disagree: words('that with'), disagrees: words('that with'), disagreed: words('that with'),
  call: words('for on it him her them the a an this that'),
  calls: words('for on it him her them the a an this that'),
  called: words('for on it him her them the a an this that'),
  continue: words('to'), continues: words('to'), continued: words('to'),
  report: words('that'), reports: words('that'), reported: words('that'),
  question: words('whether why how what the'), questions: words('whether why how what the'),
  questioned: words('whether why how what the'),
  post: words('on'), posts: words('on'), posted: words('on'),
  state: words('that'), states: words('that'),
};

/**
 * Verbs that report a statement only with a feeling or stance as their object: "expressed
 * satisfaction", "voiced deep concern", "expressed the hope that …".
 */
export const STANCE_VERBS = words('express expresses expressed expressing voice voices voiced voicing');

/** The feelings and stances such a verb reports (singular and plural). */
export const STANCES = words(`
  satisfaction dissatisfaction gratitude appreciation thanks sympathy sympathies condolences
  solidarity relief regret regrets sorrow sadness shock dismay disappointment frustration anger
  outrage indignation displeasure unease alarm concern concerns worry worries fear fears hope hopes
  optimism pessimism confidence doubt doubts skepticism scepticism reservations surprise support
  opposition approval disapproval objection objections interest
`);

/** Verb forms that never introduce speech when the next word is one of these. */
export const CUE_BLOCKERS: Record<string, Set<string>> = {
  said: words('to'), // "is said to"
  told: words('to'), // "was told to"
  asked: words('to'), // "asked to leave" (usually passive)
};

/** Words that may stand between a subject and its cue ("has also said", "later told"). */
export const CUE_MODIFIERS = words(`
  has have had would will could should might may must did does do also later then again once
  often now previously recently repeatedly further publicly privately still already even just
  quickly immediately initially earlier subsequently simply flatly bluntly separately first
  never not reportedly apparently allegedly reportedly last yesterday today tuesday monday
  wednesday thursday friday saturday sunday this week going went on to has've long
`);

/** Auxiliaries that make a following cue passive ("was told", "is said"). */
export const PASSIVE_AUXILIARIES = words('was were is are been be being');

export const MALE_PRONOUNS = words('he');
export const FEMALE_PRONOUNS = words('she');

/** Subjects that are people but never a named person (anonymous or collective sources). */
export const ANONYMOUS_HEADS = words(`
  officials official sources source people spokesman spokeswoman spokesperson spokespeople
  aides aide analysts analyst experts expert diplomats diplomat observers critics supporters
  residents witnesses lawmakers legislators advisers advisors adviser advisor insiders
  statement statements report reports reporters journalists correspondent protesters
  voters voter respondents members member leaders leader authorities investigators
  prosecutors attorneys lawyers staffers staff campaign administration government ministry
  department agency office embassy kremlin mission delegation they we i you who which it others many some few
  several both all
`);

/** Among those, the words for people (one or many) whom the article leaves unnamed: an unnamed source. */
export const UNNAMED_PEOPLE = words(`
  officials official sources source people person spokesman spokeswoman spokesperson spokespeople
  aides aide analysts analyst experts expert diplomats diplomat observers insiders negotiator negotiators
  advisers advisors adviser advisor staffers witnesses residents lawmakers legislators envoy envoys
  representative representatives delegate delegates participant participants member members
  officer officers
`);

/**
 * Lower-case nouns that name a role. A capitalised form before a name is a title
 * ("Foreign Minister Sergey Lavrov"); after "the" it may refer back to that person.
 */
export const ROLE_NOUNS = words(`
  president minister secretary senator representative congressman congresswoman governor
  mayor chancellor ambassador envoy adviser advisor spokesman spokeswoman spokesperson
  chairman chairwoman chair director chief commissioner general admiral colonel captain
  lieutenant sergeant commander officer judge justice attorney prosecutor lawyer official
  leader candidate nominee speaker king queen prince princess emir sheikh pope premier
  diplomat negotiator mediator aide analyst economist professor researcher scientist founder owner
  executive ceo manager treasurer councilman councilwoman assemblyman assemblywoman
  lawmaker legislator deputy head rapporteur coach pastor rabbi bishop archbishop cardinal
  imam editor reporter columnist author host anchor correspondent strategist pollster
  consultant activist organizer chairperson whip delegate mp mep sheriff detective
  inspector superintendent principal dean provost chancellor vice-president businessman
  businesswoman billionaire tycoon entrepreneur investor banker commentator
`);

/** Capitalised words that are titles or parts of titles before a name (every role noun is one too). */
export const TITLE_WORDS = words(`
  president minister secretary senator sen. sen rep. rep representative congressman
  congresswoman governor gov. gov mayor chancellor ambassador envoy adviser advisor
  spokesman spokeswoman spokesperson chairman chairwoman chair director chief commissioner
  general gen. gen admiral adm. colonel col. captain capt. lieutenant lt. sergeant sgt.
  commander officer judge justice attorney prosecutor leader candidate nominee speaker
  king queen prince princess emir sheikh pope premier prime foreign defense defence
  interior finance treasury state deputy vice former acting special senior first lady
  mr. mr mrs. mrs ms. ms dr. dr prof. prof professor rev. reverend sir dame lord
  house senate majority minority press national security affairs
  democratic republican democrat gop sec. atty. supt. insp. amb. hon. pres. mme. mme
  ceo executive founder coach pastor rabbi bishop archbishop cardinal imam host anchor
  crown supreme high labor labour economy economic energy health education justice
  homeland commerce trade agriculture transportation veterans environment u.s. us un u.n.
  del. delegate rev.
`);
for (const role of ROLE_NOUNS) TITLE_WORDS.add(role);

/** Honorifics that mark the following name as a person, with the gender they imply. */
export const HONORIFICS: Record<string, 'm' | 'f' | null> = {
  'rev.': null, 'mr.': 'm', mr: 'm', 'mrs.': 'f', mrs: 'f', 'ms.': 'f', ms: 'f', miss: 'f', 'dr.': null, dr: null,
  'prof.': null, sir: 'm', dame: 'f', 'mme.': 'f', madam: 'f', lord: 'm', lady: 'f',
};

/** Lower-case forms of gendered role words, for pronoun agreement. */
export const GENDERED_ROLES: Record<string, 'm' | 'f'> = {
  spokesman: 'm', spokeswoman: 'f', congressman: 'm', congresswoman: 'f', chairman: 'm',
  chairwoman: 'f', businessman: 'm', businesswoman: 'f', king: 'm', queen: 'f', prince: 'm',
  princess: 'f', councilman: 'm', councilwoman: 'f', assemblyman: 'm', assemblywoman: 'f',
};

/** Words that make a capitalised phrase an organisation, place or thing rather than a person. */
export const ORGANISATION_WORDS = words(`
  department ministry office agency committee commission council party campaign administration
  corp corp. inc inc. company co. group association institute university college school center
  centre foundation fund bank times post news journal press network service police court
  board union house senate congress kremlin pentagon government embassy organization
  organisation coalition alliance federation league club team project trust tribune magazine
  radio tv television channel reuters ap afp tass cnn bbc msnbc fox politico nbc abc cbs npr
  states kingdom republic nations emirates city county state province street avenue airport
  hospital church museum act bill law treaty accord plan program programme initiative summit
  conference forum war day week month year times herald gazette daily weekly monthly review
  federal national international global united european american russian chinese ukrainian
  reserve exchange market markets index capital oil gas energy airlines motors technologies
  systems labs media studios records foundation movement front army navy force forces guard
  corps command authority authorities bureau staff cabinet parliament assembly duma knesset
  council supreme presidential administration democrats republicans
`);

/** Month and weekday names are capitalised but never names. */
export const CALENDAR_WORDS = words(`
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
  saturday sunday
`);

/** Particles allowed inside a name ("Charles de Gaulle", "Ursula von der Leyen"). */
export const NAME_PARTICLES = words('de da di du del della der den van von la le al el bin ibn dos das st. ter ten');

/** Name suffixes that belong to the person's name ("Martin Luther King Jr."). */
export const NAME_SUFFIXES = words('jr. jr sr. sr ii iii iv');

/** Capitalised words that open sentences but are not names. */
export const NON_NAME_WORDS = words(`
  the a an he she it they we i you this that these those there here but and or so yet in on at
  for if when while after before as his her its their our my some many most both what who why
  how where still also however meanwhile then now under according last earlier later asked
  one two three no not yes with by from into over about since until though although because
  during despite among between against toward towards without within across along around
  such each every all any other another more less few several much very just only even
  mr. mrs. ms. dr. said says told speaking asked adding noting ok okay well oh unlike like
  following including amid everything something nothing anything everyone someone nobody
  perhaps maybe finally instead indeed today yesterday tonight tomorrow thus therefore
  whatever whenever meanwhile dear sen. rep. gov. gen. del. rev. speaking citing asked
`);
