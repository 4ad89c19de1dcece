export namespace app {
	
	export class AgendaTemplate {
	    id: number;
	    name: string;
	    summary: string;
	    body: string;
	    builtin: boolean;
	
	    static createFrom(source: any = {}) {
	        return new AgendaTemplate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.summary = source["summary"];
	        this.body = source["body"];
	        this.builtin = source["builtin"];
	    }
	}
	export class AgendaTemplateInput {
	    name: string;
	    summary: string;
	    body: string;
	
	    static createFrom(source: any = {}) {
	        return new AgendaTemplateInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.summary = source["summary"];
	        this.body = source["body"];
	    }
	}
	export class AnswerValue {
	    questionId: number;
	    text: string;
	    choices: string[];
	
	    static createFrom(source: any = {}) {
	        return new AnswerValue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.questionId = source["questionId"];
	        this.text = source["text"];
	        this.choices = source["choices"];
	    }
	}
	export class AppSettings {
	    organisationName: string;
	    adminName: string;
	    adminEmail: string;
	    defaultTimeZone: string;
	    delivery: string;
	    smtpHost: string;
	    smtpPort: number;
	    smtpSecurity: string;
	    smtpUsername: string;
	    smtpCaFile: string;
	    perMinute: number;
	    draftsDir: string;
	    autoSend: string[];
	    passwordSaved: boolean;
	    passwordRemembered: boolean;
	
	    static createFrom(source: any = {}) {
	        return new AppSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.organisationName = source["organisationName"];
	        this.adminName = source["adminName"];
	        this.adminEmail = source["adminEmail"];
	        this.defaultTimeZone = source["defaultTimeZone"];
	        this.delivery = source["delivery"];
	        this.smtpHost = source["smtpHost"];
	        this.smtpPort = source["smtpPort"];
	        this.smtpSecurity = source["smtpSecurity"];
	        this.smtpUsername = source["smtpUsername"];
	        this.smtpCaFile = source["smtpCaFile"];
	        this.perMinute = source["perMinute"];
	        this.draftsDir = source["draftsDir"];
	        this.autoSend = source["autoSend"];
	        this.passwordSaved = source["passwordSaved"];
	        this.passwordRemembered = source["passwordRemembered"];
	    }
	}
	export class ApproveResult {
	    relationships: number;
	    emails: number;
	
	    static createFrom(source: any = {}) {
	        return new ApproveResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.relationships = source["relationships"];
	        this.emails = source["emails"];
	    }
	}
	export class Attendee {
	    personId: number;
	    name: string;
	    email: string;
	    timeZone: string;
	    partStat: string;
	    respondedAt: string;
	    localTime: string;
	    outsideHours: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Attendee(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.personId = source["personId"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.timeZone = source["timeZone"];
	        this.partStat = source["partStat"];
	        this.respondedAt = source["respondedAt"];
	        this.localTime = source["localTime"];
	        this.outsideHours = source["outsideHours"];
	    }
	}
	export class Backup {
	    path: string;
	    size: number;
	    written: string;
	
	    static createFrom(source: any = {}) {
	        return new Backup(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.size = source["size"];
	        this.written = source["written"];
	    }
	}
	export class Participant {
	    id: number;
	    programId: number;
	    personId: number;
	    name: string;
	    email: string;
	    department: string;
	    title: string;
	    location: string;
	    timeZone: string;
	    mentor: boolean;
	    mentee: boolean;
	    peer: boolean;
	    capacity: number;
	    status: string;
	    enrolledAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Participant(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.programId = source["programId"];
	        this.personId = source["personId"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.department = source["department"];
	        this.title = source["title"];
	        this.location = source["location"];
	        this.timeZone = source["timeZone"];
	        this.mentor = source["mentor"];
	        this.mentee = source["mentee"];
	        this.peer = source["peer"];
	        this.capacity = source["capacity"];
	        this.status = source["status"];
	        this.enrolledAt = source["enrolledAt"];
	    }
	}
	export class Candidate {
	    participant: Participant;
	    score: number;
	    reasons: string[];
	
	    static createFrom(source: any = {}) {
	        return new Candidate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.participant = this.convertValues(source["participant"], Participant);
	        this.score = source["score"];
	        this.reasons = source["reasons"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CloseInput {
	    status: string;
	    reason: string;
	    thankYou: boolean;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new CloseInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.reason = source["reason"];
	        this.thankYou = source["thankYou"];
	        this.message = source["message"];
	    }
	}
	export class Counts {
	    participants: number;
	    mentors: number;
	    mentees: number;
	    peers: number;
	
	    static createFrom(source: any = {}) {
	        return new Counts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.participants = source["participants"];
	        this.mentors = source["mentors"];
	        this.mentees = source["mentees"];
	        this.peers = source["peers"];
	    }
	}
	export class DirectoryPage {
	    rows: Participant[];
	    total: number;
	    departments: string[];
	    locations: string[];
	
	    static createFrom(source: any = {}) {
	        return new DirectoryPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], Participant);
	        this.total = source["total"];
	        this.departments = source["departments"];
	        this.locations = source["locations"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DirectoryQuery {
	    programId: number;
	    search: string;
	    role: string;
	    department: string;
	    location: string;
	    status: string;
	    sort: string;
	    desc: boolean;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new DirectoryQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.programId = source["programId"];
	        this.search = source["search"];
	        this.role = source["role"];
	        this.department = source["department"];
	        this.location = source["location"];
	        this.status = source["status"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class RunInfo {
	    pruned: boolean;
	    candidateK: number;
	    pairs: number;
	    millis: number;
	    boundPercent: number;
	    ranAt: string;
	
	    static createFrom(source: any = {}) {
	        return new RunInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.pruned = source["pruned"];
	        this.candidateK = source["candidateK"];
	        this.pairs = source["pairs"];
	        this.millis = source["millis"];
	        this.boundPercent = source["boundPercent"];
	        this.ranAt = source["ranAt"];
	    }
	}
	export class DraftTotals {
	    people: number;
	    matched: number;
	    matchedPercent: number;
	    items: number;
	    averageScore: number;
	    lowestScore: number;
	    wishes: number;
	    wishesGranted: number;
	    alreadyPaired: number;
	
	    static createFrom(source: any = {}) {
	        return new DraftTotals(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.people = source["people"];
	        this.matched = source["matched"];
	        this.matchedPercent = source["matchedPercent"];
	        this.items = source["items"];
	        this.averageScore = source["averageScore"];
	        this.lowestScore = source["lowestScore"];
	        this.wishes = source["wishes"];
	        this.wishesGranted = source["wishesGranted"];
	        this.alreadyPaired = source["alreadyPaired"];
	    }
	}
	export class Unmatched {
	    participantId: number;
	    name: string;
	    role: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new Unmatched(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.participantId = source["participantId"];
	        this.name = source["name"];
	        this.role = source["role"];
	        this.reason = source["reason"];
	    }
	}
	export class DraftMember {
	    participantId: number;
	    personId: number;
	    name: string;
	    email: string;
	    role: string;
	    title: string;
	    department: string;
	    location: string;
	    timeZone: string;
	
	    static createFrom(source: any = {}) {
	        return new DraftMember(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.participantId = source["participantId"];
	        this.personId = source["personId"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.role = source["role"];
	        this.title = source["title"];
	        this.department = source["department"];
	        this.location = source["location"];
	        this.timeZone = source["timeZone"];
	    }
	}
	export class DraftItem {
	    id: number;
	    members: DraftMember[];
	    points: number;
	    score: number;
	    reasons: string[];
	    warnings: string[];
	    locked: boolean;
	    manual: boolean;
	    wish: boolean;
	    needsOk: boolean;
	    relationshipId: number;
	
	    static createFrom(source: any = {}) {
	        return new DraftItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.members = this.convertValues(source["members"], DraftMember);
	        this.points = source["points"];
	        this.score = source["score"];
	        this.reasons = source["reasons"];
	        this.warnings = source["warnings"];
	        this.locked = source["locked"];
	        this.manual = source["manual"];
	        this.wish = source["wish"];
	        this.needsOk = source["needsOk"];
	        this.relationshipId = source["relationshipId"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Draft {
	    id: number;
	    programId: number;
	    mode: string;
	    objective: string;
	    status: string;
	    items: DraftItem[];
	    unmatched: Unmatched[];
	    totals: DraftTotals;
	    run: RunInfo;
	    needsOk: number;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Draft(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.programId = source["programId"];
	        this.mode = source["mode"];
	        this.objective = source["objective"];
	        this.status = source["status"];
	        this.items = this.convertValues(source["items"], DraftItem);
	        this.unmatched = this.convertValues(source["unmatched"], Unmatched);
	        this.totals = this.convertValues(source["totals"], DraftTotals);
	        this.run = this.convertValues(source["run"], RunInfo);
	        this.needsOk = source["needsOk"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class ParticipantInput {
	    mentor: boolean;
	    mentee: boolean;
	    peer: boolean;
	    capacity: number;
	    status: string;
	
	    static createFrom(source: any = {}) {
	        return new ParticipantInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mentor = source["mentor"];
	        this.mentee = source["mentee"];
	        this.peer = source["peer"];
	        this.capacity = source["capacity"];
	        this.status = source["status"];
	    }
	}
	export class PersonInput {
	    name: string;
	    email: string;
	    department: string;
	    title: string;
	    location: string;
	    timeZone: string;
	    managerEmail: string;
	    employeeId: string;
	
	    static createFrom(source: any = {}) {
	        return new PersonInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.email = source["email"];
	        this.department = source["department"];
	        this.title = source["title"];
	        this.location = source["location"];
	        this.timeZone = source["timeZone"];
	        this.managerEmail = source["managerEmail"];
	        this.employeeId = source["employeeId"];
	    }
	}
	export class EnrolInput {
	    programId: number;
	    personId: number;
	    newPerson?: PersonInput;
	    roles: ParticipantInput;
	
	    static createFrom(source: any = {}) {
	        return new EnrolInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.programId = source["programId"];
	        this.personId = source["personId"];
	        this.newPerson = this.convertValues(source["newPerson"], PersonInput);
	        this.roles = this.convertValues(source["roles"], ParticipantInput);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PreferencePerson {
	    participantId: number;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new PreferencePerson(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.participantId = source["participantId"];
	        this.name = source["name"];
	    }
	}
	export class ForbiddenPair {
	    a: PreferencePerson;
	    b: PreferencePerson;
	
	    static createFrom(source: any = {}) {
	        return new ForbiddenPair(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.a = this.convertValues(source["a"], PreferencePerson);
	        this.b = this.convertValues(source["b"], PreferencePerson);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportWarning {
	    key: string;
	    used: number;
	    ignored: number[];
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportWarning(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.used = source["used"];
	        this.ignored = source["ignored"];
	        this.message = source["message"];
	    }
	}
	export class ImportTarget {
	    key: string;
	    label: string;
	    group: string;
	    required: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ImportTarget(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.label = source["label"];
	        this.group = source["group"];
	        this.required = source["required"];
	    }
	}
	export class ImportFile {
	    fileName: string;
	    headers: string[];
	    rows: string[][];
	    rowNumbers: number[];
	    mapping: string[];
	    targets: ImportTarget[];
	    warnings: ImportWarning[];
	
	    static createFrom(source: any = {}) {
	        return new ImportFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.fileName = source["fileName"];
	        this.headers = source["headers"];
	        this.rows = source["rows"];
	        this.rowNumbers = source["rowNumbers"];
	        this.mapping = source["mapping"];
	        this.targets = this.convertValues(source["targets"], ImportTarget);
	        this.warnings = this.convertValues(source["warnings"], ImportWarning);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportProblem {
	    row: number;
	    column: string;
	    field: string;
	    value: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportProblem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.column = source["column"];
	        this.field = source["field"];
	        this.value = source["value"];
	        this.reason = source["reason"];
	    }
	}
	export class ImportPreview {
	    problems: ImportProblem[];
	    badRows: number[];
	    valid: number;
	    skipped: number;
	    newPeople: number;
	    updatedPeople: number;
	    newParticipants: number;
	    updatedParticipants: number;
	
	    static createFrom(source: any = {}) {
	        return new ImportPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.problems = this.convertValues(source["problems"], ImportProblem);
	        this.badRows = source["badRows"];
	        this.valid = source["valid"];
	        this.skipped = source["skipped"];
	        this.newPeople = source["newPeople"];
	        this.updatedPeople = source["updatedPeople"];
	        this.newParticipants = source["newParticipants"];
	        this.updatedParticipants = source["updatedParticipants"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class ImportRequest {
	    programId: number;
	    headers: string[];
	    rows: string[][];
	    rowNumbers: number[];
	    mapping: string[];
	    defaultRoles: ParticipantInput;
	    skipRows: number[];
	
	    static createFrom(source: any = {}) {
	        return new ImportRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.programId = source["programId"];
	        this.headers = source["headers"];
	        this.rows = source["rows"];
	        this.rowNumbers = source["rowNumbers"];
	        this.mapping = source["mapping"];
	        this.defaultRoles = this.convertValues(source["defaultRoles"], ParticipantInput);
	        this.skipRows = source["skipRows"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class Leaving {
	    name: string;
	    program: string;
	    closes: string[];
	    stays: string[];
	    sessions: number;
	    requests: number;
	
	    static createFrom(source: any = {}) {
	        return new Leaving(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.program = source["program"];
	        this.closes = source["closes"];
	        this.stays = source["stays"];
	        this.sessions = source["sessions"];
	        this.requests = source["requests"];
	    }
	}
	export class MemberInput {
	    participantId: number;
	    role: string;
	
	    static createFrom(source: any = {}) {
	        return new MemberInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.participantId = source["participantId"];
	        this.role = source["role"];
	    }
	}
	export class ManualInput {
	    draftId: number;
	    members: MemberInput[];
	
	    static createFrom(source: any = {}) {
	        return new ManualInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.draftId = source["draftId"];
	        this.members = this.convertValues(source["members"], MemberInput);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Member {
	    participantId: number;
	    personId: number;
	    name: string;
	    email: string;
	    role: string;
	    timeZone: string;
	    title: string;
	    department: string;
	
	    static createFrom(source: any = {}) {
	        return new Member(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.participantId = source["participantId"];
	        this.personId = source["personId"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.role = source["role"];
	        this.timeZone = source["timeZone"];
	        this.title = source["title"];
	        this.department = source["department"];
	    }
	}
	
	export class MessageTemplate {
	    kind: string;
	    label: string;
	    subject: string;
	    text: string;
	    html: string;
	    custom: boolean;
	
	    static createFrom(source: any = {}) {
	        return new MessageTemplate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.label = source["label"];
	        this.subject = source["subject"];
	        this.text = source["text"];
	        this.html = source["html"];
	        this.custom = source["custom"];
	    }
	}
	export class OutboxMessage {
	    id: number;
	    kind: string;
	    status: string;
	    toName: string;
	    toEmail: string;
	    subject: string;
	    text: string;
	    html: string;
	    calendar: string;
	    method: string;
	    sessionId: number;
	    relationshipId: number;
	    attempts: number;
	    lastError: string;
	    smtpCode: number;
	    deliveredVia: string;
	    createdAt: string;
	    sentAt: string;
	
	    static createFrom(source: any = {}) {
	        return new OutboxMessage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.status = source["status"];
	        this.toName = source["toName"];
	        this.toEmail = source["toEmail"];
	        this.subject = source["subject"];
	        this.text = source["text"];
	        this.html = source["html"];
	        this.calendar = source["calendar"];
	        this.method = source["method"];
	        this.sessionId = source["sessionId"];
	        this.relationshipId = source["relationshipId"];
	        this.attempts = source["attempts"];
	        this.lastError = source["lastError"];
	        this.smtpCode = source["smtpCode"];
	        this.deliveredVia = source["deliveredVia"];
	        this.createdAt = source["createdAt"];
	        this.sentAt = source["sentAt"];
	    }
	}
	export class OutboxPage {
	    messages: OutboxMessage[];
	    counts: Record<string, number>;
	
	    static createFrom(source: any = {}) {
	        return new OutboxPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.messages = this.convertValues(source["messages"], OutboxMessage);
	        this.counts = source["counts"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class OutcomeInput {
	    status: string;
	    notes: string;
	    rating: number;
	
	    static createFrom(source: any = {}) {
	        return new OutcomeInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.notes = source["notes"];
	        this.rating = source["rating"];
	    }
	}
	export class PairCheck {
	    score: number;
	    points: number;
	    reasons: string[];
	    warnings: string[];
	
	    static createFrom(source: any = {}) {
	        return new PairCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.score = source["score"];
	        this.points = source["points"];
	        this.reasons = source["reasons"];
	        this.warnings = source["warnings"];
	    }
	}
	export class PairingOptions {
	    wishBonus: number;
	    wishPairs: string;
	    allowPastPairs: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PairingOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.wishBonus = source["wishBonus"];
	        this.wishPairs = source["wishPairs"];
	        this.allowPastPairs = source["allowPastPairs"];
	    }
	}
	
	
	export class Person {
	    id: number;
	    name: string;
	    email: string;
	    department: string;
	    title: string;
	    location: string;
	    timeZone: string;
	    managerEmail: string;
	    employeeId: string;
	    programs: number;
	
	    static createFrom(source: any = {}) {
	        return new Person(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.department = source["department"];
	        this.title = source["title"];
	        this.location = source["location"];
	        this.timeZone = source["timeZone"];
	        this.managerEmail = source["managerEmail"];
	        this.employeeId = source["employeeId"];
	        this.programs = source["programs"];
	    }
	}
	
	
	export class Preferences {
	    participantId: number;
	    wishes: PreferencePerson[];
	    avoid: PreferencePerson[];
	
	    static createFrom(source: any = {}) {
	        return new Preferences(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.participantId = source["participantId"];
	        this.wishes = this.convertValues(source["wishes"], PreferencePerson);
	        this.avoid = this.convertValues(source["avoid"], PreferencePerson);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Problem {
	    kind: string;
	    message: string;
	    path: string;
	    folder: string;
	    needMb: number;
	    backup: string;
	    backupAt: string;
	    logPath: string;
	
	    static createFrom(source: any = {}) {
	        return new Problem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.message = source["message"];
	        this.path = source["path"];
	        this.folder = source["folder"];
	        this.needMb = source["needMb"];
	        this.backup = source["backup"];
	        this.backupAt = source["backupAt"];
	        this.logPath = source["logPath"];
	    }
	}
	export class Question {
	    id: number;
	    programId: number;
	    position: number;
	    prompt: string;
	    help: string;
	    kind: string;
	    options: string[];
	    audience: string;
	    required: boolean;
	    personField: string;
	    scaleMin: number;
	    scaleMax: number;
	    rule: string;
	    weight: string;
	    customWeight: number;
	    ruleHours: number;
	    complementId: number;
	    answers: number;
	
	    static createFrom(source: any = {}) {
	        return new Question(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.programId = source["programId"];
	        this.position = source["position"];
	        this.prompt = source["prompt"];
	        this.help = source["help"];
	        this.kind = source["kind"];
	        this.options = source["options"];
	        this.audience = source["audience"];
	        this.required = source["required"];
	        this.personField = source["personField"];
	        this.scaleMin = source["scaleMin"];
	        this.scaleMax = source["scaleMax"];
	        this.rule = source["rule"];
	        this.weight = source["weight"];
	        this.customWeight = source["customWeight"];
	        this.ruleHours = source["ruleHours"];
	        this.complementId = source["complementId"];
	        this.answers = source["answers"];
	    }
	}
	export class ProfileAnswer {
	    question: Question;
	    value: AnswerValue;
	    answered: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ProfileAnswer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.question = this.convertValues(source["question"], Question);
	        this.value = this.convertValues(source["value"], AnswerValue);
	        this.answered = source["answered"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Profile {
	    participant: Participant;
	    person: Person;
	    answers: ProfileAnswer[];
	
	    static createFrom(source: any = {}) {
	        return new Profile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.participant = this.convertValues(source["participant"], Participant);
	        this.person = this.convertValues(source["person"], Person);
	        this.answers = this.convertValues(source["answers"], ProfileAnswer);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Program {
	    id: number;
	    name: string;
	    description: string;
	    kind: string;
	    status: string;
	    peerMentoring: boolean;
	    registrationOpens: string;
	    registrationCloses: string;
	    matchingOpens: string;
	    matchingCloses: string;
	    startsOn: string;
	    endsOn: string;
	    groupMin: number;
	    groupMax: number;
	    defaultCapacity: number;
	    mentorRequestExpiryDays: number;
	    reviewRequests: boolean;
	    createdAt: string;
	    updatedAt: string;
	    counts: Counts;
	
	    static createFrom(source: any = {}) {
	        return new Program(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.description = source["description"];
	        this.kind = source["kind"];
	        this.status = source["status"];
	        this.peerMentoring = source["peerMentoring"];
	        this.registrationOpens = source["registrationOpens"];
	        this.registrationCloses = source["registrationCloses"];
	        this.matchingOpens = source["matchingOpens"];
	        this.matchingCloses = source["matchingCloses"];
	        this.startsOn = source["startsOn"];
	        this.endsOn = source["endsOn"];
	        this.groupMin = source["groupMin"];
	        this.groupMax = source["groupMax"];
	        this.defaultCapacity = source["defaultCapacity"];
	        this.mentorRequestExpiryDays = source["mentorRequestExpiryDays"];
	        this.reviewRequests = source["reviewRequests"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.counts = this.convertValues(source["counts"], Counts);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ProgramInput {
	    name: string;
	    description: string;
	    kind: string;
	    status: string;
	    peerMentoring: boolean;
	    registrationOpens: string;
	    registrationCloses: string;
	    matchingOpens: string;
	    matchingCloses: string;
	    startsOn: string;
	    endsOn: string;
	    groupMin: number;
	    groupMax: number;
	    defaultCapacity: number;
	    mentorRequestExpiryDays: number;
	    reviewRequests: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ProgramInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.description = source["description"];
	        this.kind = source["kind"];
	        this.status = source["status"];
	        this.peerMentoring = source["peerMentoring"];
	        this.registrationOpens = source["registrationOpens"];
	        this.registrationCloses = source["registrationCloses"];
	        this.matchingOpens = source["matchingOpens"];
	        this.matchingCloses = source["matchingCloses"];
	        this.startsOn = source["startsOn"];
	        this.endsOn = source["endsOn"];
	        this.groupMin = source["groupMin"];
	        this.groupMax = source["groupMax"];
	        this.defaultCapacity = source["defaultCapacity"];
	        this.mentorRequestExpiryDays = source["mentorRequestExpiryDays"];
	        this.reviewRequests = source["reviewRequests"];
	    }
	}
	
	export class QuestionInput {
	    prompt: string;
	    help: string;
	    kind: string;
	    options: string[];
	    audience: string;
	    required: boolean;
	    scaleMin: number;
	    scaleMax: number;
	    rule: string;
	    weight: string;
	    customWeight: number;
	    ruleHours: number;
	    complementId: number;
	
	    static createFrom(source: any = {}) {
	        return new QuestionInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.prompt = source["prompt"];
	        this.help = source["help"];
	        this.kind = source["kind"];
	        this.options = source["options"];
	        this.audience = source["audience"];
	        this.required = source["required"];
	        this.scaleMin = source["scaleMin"];
	        this.scaleMax = source["scaleMax"];
	        this.rule = source["rule"];
	        this.weight = source["weight"];
	        this.customWeight = source["customWeight"];
	        this.ruleHours = source["ruleHours"];
	        this.complementId = source["complementId"];
	    }
	}
	export class RSVPResult {
	    recorded: boolean;
	    name: string;
	    email: string;
	    partStat: string;
	    comment: string;
	    from: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new RSVPResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.recorded = source["recorded"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.partStat = source["partStat"];
	        this.comment = source["comment"];
	        this.from = source["from"];
	        this.message = source["message"];
	    }
	}
	export class Relationship {
	    id: number;
	    programId: number;
	    kind: string;
	    origin: string;
	    commitment: string;
	    topic: string;
	    plannedSessions: number;
	    startsOn: string;
	    endsOn: string;
	    status: string;
	    closedAt: string;
	    closedBy: string;
	    closeReason: string;
	    members: Member[];
	    title: string;
	    sessionsHeld: number;
	    sessionsAhead: number;
	    nextSession: string;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Relationship(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.programId = source["programId"];
	        this.kind = source["kind"];
	        this.origin = source["origin"];
	        this.commitment = source["commitment"];
	        this.topic = source["topic"];
	        this.plannedSessions = source["plannedSessions"];
	        this.startsOn = source["startsOn"];
	        this.endsOn = source["endsOn"];
	        this.status = source["status"];
	        this.closedAt = source["closedAt"];
	        this.closedBy = source["closedBy"];
	        this.closeReason = source["closeReason"];
	        this.members = this.convertValues(source["members"], Member);
	        this.title = source["title"];
	        this.sessionsHeld = source["sessionsHeld"];
	        this.sessionsAhead = source["sessionsAhead"];
	        this.nextSession = source["nextSession"];
	        this.createdAt = source["createdAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RelationshipInput {
	    programId: number;
	    kind: string;
	    commitment: string;
	    topic: string;
	    plannedSessions: number;
	    startsOn: string;
	    endsOn: string;
	    members: MemberInput[];
	
	    static createFrom(source: any = {}) {
	        return new RelationshipInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.programId = source["programId"];
	        this.kind = source["kind"];
	        this.commitment = source["commitment"];
	        this.topic = source["topic"];
	        this.plannedSessions = source["plannedSessions"];
	        this.startsOn = source["startsOn"];
	        this.endsOn = source["endsOn"];
	        this.members = this.convertValues(source["members"], MemberInput);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Removal {
	    programs: number;
	    kept: boolean;
	    leaving: Leaving[];
	
	    static createFrom(source: any = {}) {
	        return new Removal(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.programs = source["programs"];
	        this.kept = source["kept"];
	        this.leaving = this.convertValues(source["leaving"], Leaving);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Request {
	    id: number;
	    programId: number;
	    kind: string;
	    requester: Member;
	    recipient: Member;
	    commitment: string;
	    topic: string;
	    sessions: number;
	    note: string;
	    status: string;
	    inReview: boolean;
	    sentAt: string;
	    expiresAt: string;
	    overdue: boolean;
	    declineReason: string;
	    answerMessage: string;
	    relationshipId: number;
	    decidedAt: string;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Request(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.programId = source["programId"];
	        this.kind = source["kind"];
	        this.requester = this.convertValues(source["requester"], Member);
	        this.recipient = this.convertValues(source["recipient"], Member);
	        this.commitment = source["commitment"];
	        this.topic = source["topic"];
	        this.sessions = source["sessions"];
	        this.note = source["note"];
	        this.status = source["status"];
	        this.inReview = source["inReview"];
	        this.sentAt = source["sentAt"];
	        this.expiresAt = source["expiresAt"];
	        this.overdue = source["overdue"];
	        this.declineReason = source["declineReason"];
	        this.answerMessage = source["answerMessage"];
	        this.relationshipId = source["relationshipId"];
	        this.decidedAt = source["decidedAt"];
	        this.createdAt = source["createdAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RequestAnswer {
	    decision: string;
	    reason: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new RequestAnswer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.decision = source["decision"];
	        this.reason = source["reason"];
	        this.message = source["message"];
	    }
	}
	export class RequestCounts {
	    pending: number;
	    overdue: number;
	    inReview: number;
	    approvedThisMonth: number;
	
	    static createFrom(source: any = {}) {
	        return new RequestCounts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.pending = source["pending"];
	        this.overdue = source["overdue"];
	        this.inReview = source["inReview"];
	        this.approvedThisMonth = source["approvedThisMonth"];
	    }
	}
	export class RequestEvent {
	    from: string;
	    to: string;
	    action: string;
	    actor: string;
	    note: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new RequestEvent(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.action = source["action"];
	        this.actor = source["actor"];
	        this.note = source["note"];
	        this.at = source["at"];
	    }
	}
	export class RequestDetail {
	    request: Request;
	    events: RequestEvent[];
	
	    static createFrom(source: any = {}) {
	        return new RequestDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.request = this.convertValues(source["request"], Request);
	        this.events = this.convertValues(source["events"], RequestEvent);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class RequestInput {
	    programId: number;
	    kind: string;
	    requesterId: number;
	    recipientId: number;
	    commitment: string;
	    topic: string;
	    sessions: number;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new RequestInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.programId = source["programId"];
	        this.kind = source["kind"];
	        this.requesterId = source["requesterId"];
	        this.recipientId = source["recipientId"];
	        this.commitment = source["commitment"];
	        this.topic = source["topic"];
	        this.sessions = source["sessions"];
	        this.note = source["note"];
	    }
	}
	export class RequestPreview {
	    subject: string;
	    text: string;
	    html: string;
	    confirmationSubject: string;
	    confirmationText: string;
	    inReview: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RequestPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.subject = source["subject"];
	        this.text = source["text"];
	        this.html = source["html"];
	        this.confirmationSubject = source["confirmationSubject"];
	        this.confirmationText = source["confirmationText"];
	        this.inReview = source["inReview"];
	    }
	}
	
	export class RunInput {
	    programId: number;
	    mode: string;
	    objective: string;
	
	    static createFrom(source: any = {}) {
	        return new RunInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.programId = source["programId"];
	        this.mode = source["mode"];
	        this.objective = source["objective"];
	    }
	}
	export class SampleResult {
	    people: number;
	    programs: number[];
	
	    static createFrom(source: any = {}) {
	        return new SampleResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.people = source["people"];
	        this.programs = source["programs"];
	    }
	}
	export class SendProgress {
	    running: boolean;
	    total: number;
	    done: number;
	    sent: number;
	    failed: number;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new SendProgress(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.running = source["running"];
	        this.total = source["total"];
	        this.done = source["done"];
	        this.sent = source["sent"];
	        this.failed = source["failed"];
	        this.message = source["message"];
	    }
	}
	export class Session {
	    id: number;
	    relationshipId: number;
	    uid: string;
	    sequence: number;
	    title: string;
	    startsAt: string;
	    localStart: string;
	    timeZone: string;
	    durationMinutes: number;
	    location: string;
	    videoUrl: string;
	    agenda: string;
	    agendaTemplateId: number;
	    seriesId: string;
	    status: string;
	    notes: string;
	    rating: number;
	    attendees: Attendee[];
	    warnings: string[];
	
	    static createFrom(source: any = {}) {
	        return new Session(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.relationshipId = source["relationshipId"];
	        this.uid = source["uid"];
	        this.sequence = source["sequence"];
	        this.title = source["title"];
	        this.startsAt = source["startsAt"];
	        this.localStart = source["localStart"];
	        this.timeZone = source["timeZone"];
	        this.durationMinutes = source["durationMinutes"];
	        this.location = source["location"];
	        this.videoUrl = source["videoUrl"];
	        this.agenda = source["agenda"];
	        this.agendaTemplateId = source["agendaTemplateId"];
	        this.seriesId = source["seriesId"];
	        this.status = source["status"];
	        this.notes = source["notes"];
	        this.rating = source["rating"];
	        this.attendees = this.convertValues(source["attendees"], Attendee);
	        this.warnings = source["warnings"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SessionInput {
	    relationshipId: number;
	    title: string;
	    start: string;
	    timeZone: string;
	    durationMinutes: number;
	    location: string;
	    videoUrl: string;
	    agenda: string;
	    agendaTemplateId: number;
	    repeat: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new SessionInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.relationshipId = source["relationshipId"];
	        this.title = source["title"];
	        this.start = source["start"];
	        this.timeZone = source["timeZone"];
	        this.durationMinutes = source["durationMinutes"];
	        this.location = source["location"];
	        this.videoUrl = source["videoUrl"];
	        this.agenda = source["agenda"];
	        this.agendaTemplateId = source["agendaTemplateId"];
	        this.repeat = source["repeat"];
	        this.count = source["count"];
	    }
	}
	export class State {
	    version: string;
	    dbPath: string;
	    backupDir: string;
	    backups: Backup[];
	    empty: boolean;
	
	    static createFrom(source: any = {}) {
	        return new State(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.dbPath = source["dbPath"];
	        this.backupDir = source["backupDir"];
	        this.backups = this.convertValues(source["backups"], Backup);
	        this.empty = source["empty"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SwapInput {
	    itemId: number;
	    out: number;
	    in: number;
	
	    static createFrom(source: any = {}) {
	        return new SwapInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.itemId = source["itemId"];
	        this.out = source["out"];
	        this.in = source["in"];
	    }
	}
	export class TemplatePreview {
	    subject: string;
	    text: string;
	    html: string;
	
	    static createFrom(source: any = {}) {
	        return new TemplatePreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.subject = source["subject"];
	        this.text = source["text"];
	        this.html = source["html"];
	    }
	}

}

