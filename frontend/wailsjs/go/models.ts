export namespace app {
	
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
	export class Removal {
	    programs: number;
	    kept: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Removal(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.programs = source["programs"];
	        this.kept = source["kept"];
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

}

