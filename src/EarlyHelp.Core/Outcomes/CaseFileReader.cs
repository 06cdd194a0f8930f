using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using EarlyHelp.Core.Calendar;
using EarlyHelp.Core.Frameworks;

namespace EarlyHelp.Core.Outcomes;

/// <summary>A problem in a case file, with the JSON path of the value at fault.</summary>
public sealed record InputError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// Reads a case file (contracts/evaluate.md) and checks it against its framework, reporting every problem
/// found with its JSON path rather than stopping at the first.
/// </summary>
/// <remarks>
/// <c>evaluate --batch</c> reads hundreds of thousands of these, so the common case is kept cheap: each object's
/// properties are found in one pass over it; JSON paths are only made into strings for an error; dates and
/// academic years in their usual form, need codes, headlines, vocabulary and member references are matched on
/// the document's UTF-8 bytes, and share one string rather than each allocating its own. Anything unusual
/// (escapes, an unknown value, a malformed date) takes the general path, which reports exactly as before.
/// </remarks>
public sealed class CaseFileReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    private static readonly Utf8Table<EventType> EventTypes = new(CaseVocabulary.EventTypes.Select(p => (p.Key, p.Value)));

    private static readonly Utf8Table<EvidenceKind> EvidenceKinds = new(CaseVocabulary.EvidenceKinds.Select(p => (p.Key, p.Value)));

    private static readonly Utf8Table<TermName> TermNames = new([("autumn", TermName.Autumn), ("spring", TermName.Spring), ("summer", TermName.Summer)]);

    /// <summary>One reading state a thread, reused: a case file is read on one thread from start to end.</summary>
    [ThreadStatic]
    private static State? cachedState;

    private readonly FrameworkCatalog frameworks;
    private readonly Utf8Table<FrameworkTables> frameworksById;
    private readonly Dictionary<string, FrameworkTables> tablesById;

    public CaseFileReader(FrameworkCatalog frameworks)
    {
        this.frameworks = frameworks;
        var tables = frameworks.All.Select(f => new FrameworkTables(f)).ToList();
        frameworksById = new(tables.Select(t => (t.Framework.Id, t)));
        tablesById = tables.ToDictionary(t => t.Framework.Id, StringComparer.Ordinal);
    }

    /// <summary>The years a case file's dates may fall in.</summary>
    public const int FirstYear = 1900;

    public const int LastYear = 2199;

    public (CaseFile? File, IReadOnlyList<InputError> Errors) Read(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, position {e.BytePositionInLine + 1})" : "";
            return (null, [new InputError("$", $"not valid JSON{where}")]);
        }

        using (document)
        {
            var state = cachedState is { } cached && cached.Owner == this ? cached : cachedState = new State(this);
            state.Reset();
            CaseFile? file;
            try
            {
                file = state.ReadCase(document.RootElement);
            }
            catch (InvalidOperationException)
            {
                // JSON allows an escaped lone surrogate ("\ud800"), which is not text at all.
                return (null, [new InputError("$", "contains a string that is not valid Unicode text (an unpaired surrogate escape)")]);
            }

            var errors = state.Errors;
            return errors.Count > 0 ? (null, errors) : (file, errors);
        }
    }

    public (CaseFile? File, IReadOnlyList<InputError> Errors) Read(string json) => Read(Encoding.UTF8.GetBytes(json));

    /// <summary>A framework's need and headline codes, found by their UTF-8 bytes.</summary>
    private sealed class FrameworkTables(Framework framework)
    {
        public Framework Framework => framework;

        public Utf8Table<string> Needs { get; } = new(framework.Needs.Keys.Select(k => (k, k)));

        public Utf8Table<string> Headlines { get; } = new(framework.HeadlinesByCode.Keys.Select(k => (k, k)));
    }

    /// <summary>A property name as the document spells it (UTF-8) and as error paths spell it, with its slot in <see cref="Fields"/>.</summary>
    private sealed class Key
    {
        private static int count;

        public Key(string name)
        {
            Name = name;
            Utf8 = Encoding.UTF8.GetBytes(name);
            Index = count++;
        }

        public static int Count => count;

        public string Name { get; }

        public byte[] Utf8 { get; }

        public int Index { get; }
    }

    private static class Keys
    {
        public static readonly Key Framework = new("framework");
        public static readonly Key AsOf = new("asOf");
        public static readonly Key Family = new("family");
        public static readonly Key Id = new("id");
        public static readonly Key Members = new("members");
        public static readonly Key DateOfBirth = new("dateOfBirth");
        public static readonly Key Episode = new("episode");
        public static readonly Key Opened = new("opened");
        public static readonly Key Closed = new("closed");
        public static readonly Key LeadPractitioner = new("leadPractitioner");
        public static readonly Key WholeFamilyAssessment = new("wholeFamilyAssessment");
        public static readonly Key FamilyPlan = new("familyPlan");
        public static readonly Key SupportReceived = new("supportReceived");
        public static readonly Key Needs = new("needs");
        public static readonly Key Code = new("code");
        public static readonly Key Member = new("member");
        public static readonly Key Identified = new("identified");
        public static readonly Key Attendance = new("attendance");
        public static readonly Key AcademicYear = new("academicYear");
        public static readonly Key Term = new("term");
        public static readonly Key PossibleSessions = new("possibleSessions");
        public static readonly Key AttendedSessions = new("attendedSessions");
        public static readonly Key AuthorisedAbsence = new("authorisedAbsence");
        public static readonly Key UnauthorisedAbsence = new("unauthorisedAbsence");
        public static readonly Key Events = new("events");
        public static readonly Key Type = new("type");
        public static readonly Key Date = new("date");
        public static readonly Key Severe = new("severe");
        public static readonly Key Headline = new("headline");
        public static readonly Key Need = new("need");
        public static readonly Key Days = new("days");
        public static readonly Key Benefit = new("benefit");
        public static readonly Key Evidence = new("evidence");
        public static readonly Key Kind = new("kind");
        public static readonly Key OutcomeAchieved = new("outcomeAchieved");
        public static readonly Key Instrument = new("instrument");
        public static readonly Key Before = new("before");
        public static readonly Key After = new("after");
        public static readonly Key Note = new("note");

        /// <summary>How many keys there are (declared last, so that every key above exists).</summary>
        public static readonly int Count = Key.Count;
    }

    /// <summary>The properties each kind of object in a case file has.</summary>
    private static class Shapes
    {
        public static readonly Shape Case = new(Keys.Framework, Keys.AsOf, Keys.Family, Keys.Episode, Keys.Needs, Keys.Attendance, Keys.Events, Keys.Evidence);
        public static readonly Shape Family = new(Keys.Id, Keys.Members);
        public static readonly Shape Member = new(Keys.Id, Keys.DateOfBirth);
        public static readonly Shape Episode = new(Keys.Opened, Keys.Closed, Keys.LeadPractitioner, Keys.WholeFamilyAssessment, Keys.FamilyPlan, Keys.SupportReceived);
        public static readonly Shape Need = new(Keys.Code, Keys.Member, Keys.Identified);
        public static readonly Shape Attendance = new(Keys.Member, Keys.AcademicYear, Keys.Term, Keys.PossibleSessions, Keys.AttendedSessions, Keys.AuthorisedAbsence, Keys.UnauthorisedAbsence);
        public static readonly Shape Event = new(Keys.Type, Keys.Member, Keys.Date, Keys.Severe, Keys.Headline, Keys.Need, Keys.Days, Keys.Benefit);
        public static readonly Shape Evidence = new(Keys.Need, Keys.Member, Keys.Date, Keys.Kind, Keys.OutcomeAchieved, Keys.Instrument, Keys.Before, Keys.After, Keys.Note);
    }

    /// <summary>
    /// The properties a kind of object has that the reader looks at. Reading them in one pass over the object
    /// costs far less than looking each up (JsonElement.TryGetProperty scans the object's properties every time).
    /// </summary>
    private sealed class Shape
    {
        private readonly Key[] keys;

        // Each key's place among this shape's keys, by the key's index; -1 for keys of other shapes.
        private readonly int[] places;

        public Shape(params Key[] keys)
        {
            this.keys = keys;
            places = new int[Keys.Count];
            Array.Fill(places, -1);
            for (var i = 0; i < keys.Length; i++)
            {
                places[keys[i].Index] = i;
            }
        }

        public int Count => keys.Length;

        /// <summary>
        /// Finds the object's properties as <see cref="JsonElement.TryGetProperty(ReadOnlySpan{byte}, out JsonElement)"/>
        /// would: the last of a repeated name wins, and escaped names are unescaped.
        /// </summary>
        /// <param name="slots">Where to keep them, <see cref="Count"/> long.</param>
        public Fields Read(JsonElement value, JsonElement[] slots)
        {
            Array.Clear(slots);

            // Objects from one system list their properties in one order: try the key after the last found first.
            var expected = 0;
            foreach (var property in value.EnumerateObject())
            {
                var name = JsonMarshal.GetRawUtf8PropertyName(property);
                var place = expected < keys.Length && name.SequenceEqual(keys[expected].Utf8) ? expected : Find(name);
                if (place >= 0)
                {
                    slots[place] = property.Value;
                    expected = place + 1;
                }
                else if (name.Contains((byte)'\\'))
                {
                    // An escaped name: leave the unescaping and matching to JsonElement.
                    for (var i = 0; i < keys.Length; i++)
                    {
                        slots[i] = value.TryGetProperty(keys[i].Utf8, out var found) ? found : default;
                    }

                    break;
                }
            }

            return new Fields(this, slots);
        }

        /// <summary>The element of <paramref name="slots"/> that holds a key's property; undefined for a key this shape lacks.</summary>
        public JsonElement Get(JsonElement[] slots, Key key) => places[key.Index] is >= 0 and var place ? slots[place] : default;

        private int Find(ReadOnlySpan<byte> name)
        {
            for (var i = 0; i < keys.Length; i++)
            {
                if (name.SequenceEqual(keys[i].Utf8))
                {
                    return i;
                }
            }

            return -1;
        }
    }

    /// <summary>An object's properties by name; a property the object does not have is <see cref="JsonValueKind.Undefined"/>.</summary>
    private readonly struct Fields(Shape shape, JsonElement[] slots)
    {
        public JsonElement this[Key key] => shape.Get(slots, key);

        /// <summary>Whether the object has the property at all, null or not.</summary>
        public bool Has(Key key) => this[key].ValueKind != JsonValueKind.Undefined;
    }

    /// <summary>A JSON path such as <c>$.needs[2]</c>, made into a string only when an error needs it.</summary>
    private readonly struct JsonPath
    {
        private readonly string parent;
        private readonly string? list;
        private readonly int index;

        public JsonPath(string root) => parent = root;

        private JsonPath(string parent, string list, int index)
        {
            this.parent = parent;
            this.list = list;
            this.index = index;
        }

        /// <summary>The path of an item of a list under this path.</summary>
        public JsonPath Item(Key list, int index) => new(ToString(), list.Name, index);

        /// <summary>The path of a property of the value at this path.</summary>
        public string Of(Key name) => $"{this}.{name.Name}";

        public override string ToString() => list is null ? parent : $"{parent}.{list}[{index}]";
    }

    /// <summary>Known strings found by their UTF-8 bytes without making a string; a few dozen at most.</summary>
    private sealed class Utf8Table<T>
    {
        private readonly (byte[] Utf8, string Text, T Value)[][] buckets;
        private readonly uint mask;

        public Utf8Table(IEnumerable<(string Text, T Value)> entries)
        {
            var all = entries.ToList();
            var size = BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, all.Count * 2));
            mask = size - 1;
            var lists = new List<(byte[], string, T)>[size];
            foreach (var (text, value) in all)
            {
                var utf8 = Encoding.UTF8.GetBytes(text);
                (lists[Hash(utf8) & mask] ??= []).Add((utf8, text, value));
            }

            buckets = [.. lists.Select(l => l?.ToArray() ?? [])];
        }

        public bool TryGet(ReadOnlySpan<byte> utf8, out string text, out T value)
        {
            foreach (var entry in buckets[Hash(utf8) & mask])
            {
                if (utf8.SequenceEqual(entry.Utf8))
                {
                    (text, value) = (entry.Text, entry.Value);
                    return true;
                }
            }

            (text, value) = (null!, default!);
            return false;
        }

        // The keys are short codes: their length and first and last eight bytes tell them apart well enough.
        private static uint Hash(ReadOnlySpan<byte> bytes)
        {
            ulong h = (ulong)bytes.Length;
            if (bytes.Length >= 8)
            {
                h ^= MemoryMarshal.Read<ulong>(bytes) ^ BitOperations.RotateLeft(MemoryMarshal.Read<ulong>(bytes[^8..]), 29);
            }
            else
            {
                foreach (var b in bytes)
                {
                    h = (h << 8) | b;
                }
            }

            return (uint)((h * 0x9E3779B97F4A7C15UL) >> 32);
        }
    }

    private sealed class State
    {
        private static readonly JsonPath Root = new("$");
        private static readonly JsonPath FamilyPath = new("$.family");
        private static readonly JsonPath EpisodePath = new("$.episode");

        private readonly CaseFileReader owner;
        private readonly HashSet<string> members = new(StringComparer.Ordinal);

        // Where each kind of object's properties are read to; no two objects of one kind are read at once.
        private readonly JsonElement[] caseSlots = new JsonElement[Shapes.Case.Count];
        private readonly JsonElement[] familySlots = new JsonElement[Shapes.Family.Count];
        private readonly JsonElement[] memberSlots = new JsonElement[Shapes.Member.Count];
        private readonly JsonElement[] episodeSlots = new JsonElement[Shapes.Episode.Count];
        private readonly JsonElement[] needSlots = new JsonElement[Shapes.Need.Count];
        private readonly JsonElement[] attendanceSlots = new JsonElement[Shapes.Attendance.Count];
        private readonly JsonElement[] eventSlots = new JsonElement[Shapes.Event.Count];
        private readonly JsonElement[] evidenceSlots = new JsonElement[Shapes.Evidence.Count];

        // The family's member ids in order, to match references on their bytes.
        private readonly List<string> memberIds = [];

        private readonly Func<Fields, JsonPath, Member?> readMember;
        private readonly Func<Fields, JsonPath, NeedRecord?> readNeed;
        private readonly Func<Fields, JsonPath, AttendanceRecord?> readAttendance;
        private readonly Func<Fields, JsonPath, CaseEvent?> readEvent;
        private readonly Func<Fields, JsonPath, EvidenceRecord?> readEvidence;

        private List<InputError>? errors;
        private Framework? framework;
        private FrameworkTables? tables;

        public State(CaseFileReader owner)
        {
            this.owner = owner;
            readMember = ReadMember;
            readNeed = ReadNeed;
            readAttendance = ReadAttendance;
            readEvent = ReadEvent;
            readEvidence = ReadEvidence;
        }

        public CaseFileReader Owner => owner;

        public IReadOnlyList<InputError> Errors => errors ?? (IReadOnlyList<InputError>)[];

        public void Reset()
        {
            errors = null;
            framework = null;
            tables = null;
            members.Clear();
            memberIds.Clear();
        }

        public CaseFile? ReadCase(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error("$", "must be a JSON object (a case file)");
                return null;
            }

            var fields = Shapes.Case.Read(root, caseSlots);
            var frameworkId = FrameworkId(fields);
            var asOf = Date(fields, Root, Keys.AsOf, required: true);
            var (familyId, memberList) = ReadFamily(fields);
            var episode = ReadEpisode(fields);
            var needs = List(fields, Root, Keys.Needs, Shapes.Need, needSlots, readNeed, required: true);
            var attendance = List(fields, Root, Keys.Attendance, Shapes.Attendance, attendanceSlots, readAttendance);
            var events = List(fields, Root, Keys.Events, Shapes.Event, eventSlots, readEvent);
            var evidence = List(fields, Root, Keys.Evidence, Shapes.Evidence, evidenceSlots, readEvidence);
            CheckDuplicateAttendance(attendance);

            if (errors is not null)
            {
                return null;
            }

            return new CaseFile(frameworkId!, asOf!.Value, familyId!, memberList, episode, needs, attendance, events, evidence);
        }

        private string? FrameworkId(Fields root)
        {
            if (!Property(root, Root, Keys.Framework, JsonValueKind.String, required: true, out var value))
            {
                return null;
            }

            if (Plain(value, out var utf8) && owner.frameworksById.TryGet(utf8, out var known, out var t))
            {
                (framework, tables) = (t.Framework, t);
                return known;
            }

            var frameworkId = Text(value, Root, Keys.Framework, required: true);
            if (frameworkId is not null)
            {
                if (owner.frameworks.TryGet(frameworkId, out var f))
                {
                    (framework, tables) = (f, owner.tablesById[f.Id]);
                }
                else
                {
                    Error("$.framework", $"unknown framework '{frameworkId}' (known: {string.Join(", ", owner.frameworks.All.Select(x => x.Id))})");
                }
            }

            return frameworkId;
        }

        private (string? Id, List<Member> Members) ReadFamily(Fields root)
        {
            if (!Property(root, Root, Keys.Family, JsonValueKind.Object, required: true, out var value))
            {
                return (null, []);
            }

            var family = Shapes.Family.Read(value, familySlots);
            var id = String(family, FamilyPath, Keys.Id, required: true);
            var list = List(family, FamilyPath, Keys.Members, Shapes.Member, memberSlots, readMember, required: true);
            return (id, list);
        }

        private Member? ReadMember(Fields e, JsonPath path)
        {
            var memberId = String(e, path, Keys.Id, required: true);
            var born = Date(e, path, Keys.DateOfBirth);
            if (memberId is not null)
            {
                if (members.Add(memberId))
                {
                    memberIds.Add(memberId);
                }
                else
                {
                    Error(path.Of(Keys.Id), $"member '{memberId}' appears more than once");
                }
            }

            return memberId is null ? null : new Member(memberId, born);
        }

        private Episode ReadEpisode(Fields root)
        {
            if (!Property(root, Root, Keys.Episode, JsonValueKind.Object, required: false, out var value))
            {
                return Episode.None;
            }

            var e = Shapes.Episode.Read(value, episodeSlots);
            var path = EpisodePath;
            var opened = Date(e, path, Keys.Opened);
            var closed = Date(e, path, Keys.Closed);
            if (opened is { } o && closed is { } c && c < o)
            {
                Error(path.Of(Keys.Closed), $"closure {c:yyyy-MM-dd} is before the opening {o:yyyy-MM-dd}");
            }

            var l = e[Keys.LeadPractitioner];
            var lead = l.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null)
                ? (l.ValueKind == JsonValueKind.String ? l.GetString() : Invalid<string>(path.Of(Keys.LeadPractitioner), "must be a string"))
                : null;
            var support = Boolean(e, path, Keys.SupportReceived) ?? false;
            return new Episode(opened, closed, lead, Date(e, path, Keys.WholeFamilyAssessment), Date(e, path, Keys.FamilyPlan), support);
        }

        private NeedRecord? ReadNeed(Fields e, JsonPath path)
        {
            var code = NeedCode(e, path, Keys.Code, required: true);
            var member = MemberRef(e, path, Keys.Member);
            return code is null ? null : new NeedRecord(code, member, Date(e, path, Keys.Identified));
        }

        private AttendanceRecord? ReadAttendance(Fields e, JsonPath path)
        {
            var member = MemberRef(e, path, Keys.Member, required: true);
            var year = AcademicYear(e, path);
            var term = Term(e, path);
            var possible = Count(e, path, Keys.PossibleSessions, required: true);
            var attended = Count(e, path, Keys.AttendedSessions, required: true);
            var authorised = Count(e, path, Keys.AuthorisedAbsence) ?? 0;
            var unauthorised = Count(e, path, Keys.UnauthorisedAbsence) ?? 0;
            if (possible is { } p && attended is { } a && a > p)
            {
                Error(path.Of(Keys.AttendedSessions), $"{a} attended sessions is more than the {p} possible");
            }

            if (possible is { } p2 && authorised > p2)
            {
                Error(path.Of(Keys.AuthorisedAbsence), $"{authorised} authorised absences is more than the {p2} possible sessions");
            }

            if (member is null || possible is null || attended is null)
            {
                return null;
            }

            return new AttendanceRecord(member, new SchoolTerm(year, term), possible.Value, attended.Value, authorised, unauthorised);
        }

        /// <summary>The academic year's first calendar year; 0 when it is missing or not valid (and then reported).</summary>
        private int AcademicYear(Fields e, JsonPath path)
        {
            if (!Property(e, path, Keys.AcademicYear, JsonValueKind.String, required: true, out var value))
            {
                return 0;
            }

            if (Plain(value, out var utf8) && TryParseAcademicYear(utf8, out var year))
            {
                return year;
            }

            var yearText = Text(value, path, Keys.AcademicYear, required: true);
            year = 0;
            if (yearText is not null && !SchoolTerm.TryParseAcademicYear(yearText, out year))
            {
                Error(path.Of(Keys.AcademicYear), $"'{yearText}' is not an academic year like 2023/24");
            }

            return year;
        }

        private TermName Term(Fields e, JsonPath path)
        {
            if (!Property(e, path, Keys.Term, JsonValueKind.String, required: true, out var value))
            {
                return default;
            }

            if (Plain(value, out var utf8) && TermNames.TryGet(utf8, out _, out var known))
            {
                return known;
            }

            var termText = Text(value, path, Keys.Term, required: true);
            TermName term = default;
            if (termText is not null && !SchoolTerm.TryParseTermName(termText, out term))
            {
                Error(path.Of(Keys.Term), $"'{termText}' is not a term (autumn, spring or summer)");
            }

            return term;
        }

        private CaseEvent? ReadEvent(Fields e, JsonPath path)
        {
            var (typeText, type) = Vocabulary(e, path, Keys.Type, EventTypes, CaseVocabulary.EventTypes, "event type");
            var member = MemberRef(e, path, Keys.Member);
            var date = Date(e, path, Keys.Date, required: true);
            var severe = Boolean(e, path, Keys.Severe) ?? false;
            var headline = Headline(e, path);
            var need = NeedCode(e, path, Keys.Need);
            var days = Number(e, path, Keys.Days);
            if (days is < 0)
            {
                Error(path.Of(Keys.Days), $"{days} is negative");
            }

            if (type == EventType.Suspension && typeText is not null && days is null && !e.Has(Keys.Days))
            {
                Error(path.Of(Keys.Days), "is required for a suspension (school days lost)");
            }

            var benefit = String(e, path, Keys.Benefit);
            return typeText is null || date is null ? null : new CaseEvent(type, member, date.Value, severe, headline, need, days, benefit);
        }

        private EvidenceRecord? ReadEvidence(Fields e, JsonPath path)
        {
            var need = NeedCode(e, path, Keys.Need, required: true);
            var member = MemberRef(e, path, Keys.Member);
            var date = Date(e, path, Keys.Date, required: true);
            var (kindText, kind) = Vocabulary(e, path, Keys.Kind, EvidenceKinds, CaseVocabulary.EvidenceKinds, "evidence kind");
            var achieved = Boolean(e, path, Keys.OutcomeAchieved);
            var instrumentName = String(e, path, Keys.Instrument);
            var before = Number(e, path, Keys.Before);
            var after = Number(e, path, Keys.After);
            var note = String(e, path, Keys.Note);
            var instrument = owner.frameworks.Instruments.Find(instrumentName);
            if (kindText is not null && kind == EvidenceKind.ValidatedMeasure && instrument is not null)
            {
                foreach (var (name, score) in new[] { (Keys.Before, before), (Keys.After, after) })
                {
                    if (score is null)
                    {
                        Error(path.Of(name), $"is required: the engine scores {instrument.Code} itself");
                    }
                    else if (!instrument.InRange(score.Value))
                    {
                        Error(path.Of(name), $"{score:0.##} is outside the {instrument.Code} range of {instrument.Minimum:0.##} to {instrument.Maximum:0.##}");
                    }
                }
            }
            else if (kindText is not null && kind != EvidenceKind.Supplementary && achieved is null)
            {
                var why = kind == EvidenceKind.ValidatedMeasure
                    ? $"is required: the engine does not score {(instrumentName is null ? "an unnamed instrument" : $"'{instrumentName}'")}, so the recorded result stands"
                    : "is required (true or false)";
                Error(path.Of(Keys.OutcomeAchieved), why);
            }

            return need is null || date is null || kindText is null ? null : new EvidenceRecord(need, member, date.Value, kind, achieved, instrumentName, before, after, note);
        }

        private void CheckDuplicateAttendance(List<AttendanceRecord> rows)
        {
            if (rows.Count > 32)
            {
                var seen = new HashSet<(string, SchoolTerm)>();
                for (var i = 0; i < rows.Count; i++)
                {
                    if (!seen.Add((rows[i].Member, rows[i].Term)))
                    {
                        Duplicate(i);
                    }
                }

                return;
            }

            // A family has a few rows: comparing each with those before it is quicker than hashing.
            for (var i = 1; i < rows.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (rows[j].Term == rows[i].Term && rows[j].Member == rows[i].Member)
                    {
                        Duplicate(i);
                        break;
                    }
                }
            }

            void Duplicate(int i) => Error($"$.attendance[{i}]", $"a second row for {rows[i].Member} in {rows[i].Term}");
        }

        /// <summary>A word from a fixed vocabulary (event types, evidence kinds): its text, or null when missing or unknown.</summary>
        private (string? Text, T Value) Vocabulary<T>(Fields e, JsonPath path, Key name, Utf8Table<T> table, IReadOnlyDictionary<string, T> vocabulary, string what)
            where T : struct
        {
            if (!Property(e, path, name, JsonValueKind.String, required: true, out var value))
            {
                return (null, default);
            }

            if (Plain(value, out var utf8) && table.TryGet(utf8, out var known, out var knownValue))
            {
                return (known, knownValue);
            }

            var text = Text(value, path, name, required: true);
            T result = default;
            if (text is not null && !vocabulary.TryGetValue(text, out result))
            {
                Error(path.Of(name), $"unknown {what} '{text}' (known: {string.Join(", ", vocabulary.Keys)})");
                text = null;
            }

            return (text, result);
        }

        private string? NeedCode(Fields e, JsonPath path, Key name, bool required = false)
        {
            if (!Property(e, path, name, JsonValueKind.String, required, out var value))
            {
                return null;
            }

            if (tables is not null && Plain(value, out var utf8) && tables.Needs.TryGet(utf8, out var known, out _))
            {
                return known;
            }

            var code = Text(value, path, name, required);
            if (code is not null && framework is not null && !framework.Needs.ContainsKey(code))
            {
                Error(path.Of(name), $"unknown need code '{code}' in framework {framework.Id}");
            }

            return code;
        }

        private string? Headline(Fields e, JsonPath path)
        {
            if (!Property(e, path, Keys.Headline, JsonValueKind.String, required: false, out var value))
            {
                return null;
            }

            if (tables is not null && Plain(value, out var utf8) && tables.Headlines.TryGet(utf8, out var known, out _))
            {
                return known;
            }

            var headline = Text(value, path, Keys.Headline, required: false);
            if (headline is not null && framework is not null && !framework.HeadlinesByCode.ContainsKey(headline))
            {
                Error(path.Of(Keys.Headline), $"unknown headline outcome '{headline}' in framework {framework.Id}");
            }

            return headline;
        }

        private string? MemberRef(Fields e, JsonPath path, Key name, bool required = false)
        {
            if (!Property(e, path, name, JsonValueKind.String, required, out var value))
            {
                return null;
            }

            if (Plain(value, out var utf8))
            {
                foreach (var memberId in memberIds)
                {
                    // Only ASCII ids match here; others take the general path below.
                    if (Ascii.Equals(utf8, memberId))
                    {
                        return memberId;
                    }
                }
            }

            var id = Text(value, path, name, required);
            if (id is not null && !members.Contains(id))
            {
                Error(path.Of(name), $"the family has no member '{id}'");
            }

            return id;
        }

        private List<T> List<T>(Fields parent, JsonPath path, Key name, Shape shape, JsonElement[] slots, Func<Fields, JsonPath, T?> read, bool required = false)
            where T : class
        {
            if (!Property(parent, path, name, JsonValueKind.Array, required, out var array))
            {
                return [];
            }

            var list = new List<T>(array.GetArrayLength());
            var i = 0;
            foreach (var item in array.EnumerateArray())
            {
                var itemPath = path.Item(name, i++);
                if (item.ValueKind != JsonValueKind.Object)
                {
                    Error(itemPath.ToString(), "must be an object");
                    continue;
                }

                if (read(shape.Read(item, slots), itemPath) is { } value)
                {
                    list.Add(value);
                }
            }

            return list;
        }

        private bool Property(Fields parent, JsonPath path, Key name, JsonValueKind kind, bool required, out JsonElement value)
        {
            value = parent[name];
            var found = value.ValueKind;
            if (found is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                if (required)
                {
                    Error(path.Of(name), "is required");
                }

                return false;
            }

            if (found != kind)
            {
                Error(path.Of(name), $"must be {(kind == JsonValueKind.Array ? "an array" : kind == JsonValueKind.Object ? "an object" : kind.ToString().ToLowerInvariant())}");
                return false;
            }

            return true;
        }

        private string? String(Fields parent, JsonPath path, Key name, bool required = false) =>
            Property(parent, path, name, JsonValueKind.String, required, out var value) ? Text(value, path, name, required) : null;

        /// <summary>A string value's text, or null (reported when required) when it is empty or white space.</summary>
        private string? Text(JsonElement value, JsonPath path, Key name, bool required)
        {
            var text = value.GetString();
            if (string.IsNullOrWhiteSpace(text))
            {
                if (required)
                {
                    Error(path.Of(name), "must not be empty");
                }

                return null;
            }

            return text;
        }

        private DateOnly? Date(Fields parent, JsonPath path, Key name, bool required = false)
        {
            if (!Property(parent, path, name, JsonValueKind.String, required, out var value))
            {
                return null;
            }

            if (!TryParseDate(JsonMarshal.GetRawUtf8Value(value), out var date))
            {
                var text = Text(value, path, name, required);
                if (text is null)
                {
                    return null;
                }

                if (text.Length != 10 || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
                {
                    Error(path.Of(name), $"'{text}' is not a date in the form YYYY-MM-DD");
                    return null;
                }
            }

            // Terms, bank holidays and sustainment periods are reckoned from these dates: keep them to sensible years.
            if (date.Year is < FirstYear or > LastYear)
            {
                Error(path.Of(name), $"'{date:yyyy-MM-dd}' is outside the years {FirstYear} to {LastYear}");
                return null;
            }

            return date;
        }

        private bool? Boolean(Fields parent, JsonPath path, Key name)
        {
            var value = parent[name];
            var found = value.ValueKind;
            if (found is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                return null;
            }

            if (found is JsonValueKind.True or JsonValueKind.False)
            {
                return value.GetBoolean();
            }

            Error(path.Of(name), "must be true or false");
            return null;
        }

        private decimal? Number(Fields parent, JsonPath path, Key name)
        {
            var value = parent[name];
            var found = value.ValueKind;
            if (found is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                return null;
            }

            if (found == JsonValueKind.Number && value.TryGetDecimal(out var number))
            {
                return number;
            }

            Error(path.Of(name), "must be a number");
            return null;
        }

        private int? Count(Fields parent, JsonPath path, Key name, bool required = false)
        {
            var value = parent[name];
            var found = value.ValueKind;
            if (found is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                if (required)
                {
                    Error(path.Of(name), "is required");
                }

                return null;
            }

            if (found != JsonValueKind.Number || !value.TryGetInt32(out var count))
            {
                Error(path.Of(name), "must be a whole number");
                return null;
            }

            if (count < 0)
            {
                Error(path.Of(name), $"{count} is negative");
                return null;
            }

            return count;
        }

        private T? Invalid<T>(string path, string message)
            where T : class
        {
            Error(path, message);
            return null;
        }

        private void Error(string path, string message) => (errors ??= []).Add(new InputError(path, message));

        /// <summary>
        /// A string value's UTF-8 bytes when they are its text, i.e. it has no escape sequences; then they can
        /// be compared with known text directly.
        /// </summary>
        private static bool Plain(JsonElement value, out ReadOnlySpan<byte> utf8)
        {
            var raw = JsonMarshal.GetRawUtf8Value(value);
            utf8 = raw[1..^1];
            return !utf8.Contains((byte)'\\');
        }

        /// <summary>A date written exactly as yyyy-MM-dd (the raw JSON string, quotes included) that exists.</summary>
        private static bool TryParseDate(ReadOnlySpan<byte> raw, out DateOnly date)
        {
            date = default;
            if (raw.Length != 12 || raw[5] != (byte)'-' || raw[8] != (byte)'-'
                || !TryDigits(raw.Slice(1, 4), out var year) || !TryDigits(raw.Slice(6, 2), out var month) || !TryDigits(raw.Slice(9, 2), out var day))
            {
                return false;
            }

            if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                return false;
            }

            date = new DateOnly(year, month, day);
            return true;
        }

        /// <summary>"2023/24" (no quotes), as <see cref="SchoolTerm.TryParseAcademicYear"/> accepts it.</summary>
        private static bool TryParseAcademicYear(ReadOnlySpan<byte> text, out int startYear)
        {
            startYear = 0;
            if (text.Length != 7 || text[4] != (byte)'/' || !TryDigits(text[..4], out var first) || !TryDigits(text.Slice(5, 2), out var second)
                || (first + 1) % 100 != second)
            {
                return false;
            }

            startYear = first;
            return true;
        }

        private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
        {
            value = 0;
            foreach (var d in digits)
            {
                if (!char.IsAsciiDigit((char)d))
                {
                    return false;
                }

                value = (value * 10) + (d - '0');
            }

            return true;
        }
    }
}
