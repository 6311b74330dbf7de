using Mono.Cecil;
using Mono.Cecil.Cil;

namespace WidgetPlatform.UnitTests.Architecture;

/// <summary>
/// The StackExchange.Redis commands a type issues, read from its IL (its async state machines and lambdas included), sorted
/// into reads and writes. A script or a raw command counts as a write: it can write.
/// </summary>
internal static class RedisCalls
{
    private static readonly HashSet<string> CommandInterfaces =
    [
        "StackExchange.Redis.IDatabase", "StackExchange.Redis.IDatabaseAsync", "StackExchange.Redis.IServer",
        "StackExchange.Redis.IBatch", "StackExchange.Redis.ITransaction", "StackExchange.Redis.IRedis", "StackExchange.Redis.IRedisAsync",
    ];

    private static readonly string[] ReadPrefixes =
    [
        "StringGet", "StringLength", "KeyExists", "KeyTimeToLive", "KeyType", "KeyIdleTime", "KeyEncoding", "HashGet", "HashExists",
        "HashKeys", "HashValues", "HashLength", "HashScan", "SetMembers", "SetContains", "SetLength", "SetScan", "SetRandomMember",
        "SortedSetRange", "SortedSetLength", "SortedSetScore", "SortedSetRank", "SortedSetScan", "ListRange", "ListLength",
        "ListGetByIndex", "Ping", "Info", "Time", "Echo", "ClientList", "IdentifyEndpoint", "ScriptEvaluateReadOnly",
        "get_", "CreateBatch", "CreateTransaction", "IsConnected", "Wait",
    ];

    /// <summary>Raw commands (<c>Execute("INFO")</c>) that only read, recognised by the command name loaded just before the call.</summary>
    private static readonly HashSet<string> RawReadCommands = ["INFO", "DBSIZE", "SCAN", "PING", "TIME"];

    /// <summary>The write commands <paramref name="type"/> issues, by method name (empty when it only reads or never talks to Redis).</summary>
    public static IReadOnlySet<string> WritesOf(TypeDefinition type) =>
        CommandsOf(type).Where(name => !ReadPrefixes.Any(name.StartsWith)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Method names, a raw command as <c>Execute INFO</c> ("Execute ?" when its name is not a literal).</summary>
    public static IEnumerable<string> CommandsOf(TypeDefinition type) =>
        WithNested(type)
            .SelectMany(nested => nested.Methods)
            .Where(method => method.HasBody)
            .SelectMany(method => method.Body.Instructions)
            .Where(instruction => instruction.OpCode.Code is Code.Call or Code.Callvirt)
            .Select(instruction => (instruction, method: instruction.Operand as MethodReference))
            .Where(call => call.method is not null && CommandInterfaces.Contains(call.method.DeclaringType.FullName))
            .Select(call => call.method!.Name.StartsWith("Execute", StringComparison.Ordinal) ? RawCommand(call.instruction) : call.method!.Name)
            .Distinct(StringComparer.Ordinal);

    private static string RawCommand(Instruction call)
    {
        var previous = call.Previous;
        for (var steps = 0; previous is not null && steps < 8; steps++, previous = previous.Previous)
        {
            if (previous.OpCode.Code == Code.Ldstr)
            {
                var command = (string)previous.Operand;
                return RawReadCommands.Contains(command.ToUpperInvariant()) ? "Info" : "Execute " + command;
            }
        }

        return "Execute ?";
    }

    private static IEnumerable<TypeDefinition> WithNested(TypeDefinition type) => [type, .. type.NestedTypes.SelectMany(WithNested)];
}
