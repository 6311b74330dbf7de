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

    /// <summary>
    /// Raw commands (<c>Execute("INFO")</c>) that only read, recognised by the last literal loaded before the call: the command,
    /// or the subcommand of a two-word one (<c>MEMORY USAGE</c>).
    /// </summary>
    private static readonly HashSet<string> RawReadCommands = ["INFO", "DBSIZE", "SCAN", "PING", "TIME", "USAGE"];

    /// <summary>The write commands <paramref name="type"/> issues, by name (empty when it only reads or never talks to Redis).</summary>
    public static IReadOnlySet<string> WritesOf(TypeDefinition type) =>
        CommandsOf(type).Where(command => command.Writes).Select(command => command.Name).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<RedisCommand> CommandsOf(TypeDefinition type) =>
        type.WithNested()
            .SelectMany(nested => nested.Methods)
            .Where(method => method.HasBody)
            .SelectMany(method => method.Body.Instructions)
            .Where(instruction => instruction.OpCode.Code is Code.Call or Code.Callvirt)
            .Select(instruction => (instruction, method: instruction.Operand as MethodReference))
            .Where(call => call.method is not null && CommandInterfaces.Contains(call.method.DeclaringType.FullName))
            .Select(call => Classify(call.method!, call.instruction))
            .Distinct();

    private static RedisCommand Classify(MethodReference method, Instruction call)
    {
        if (!method.Name.StartsWith("Execute", StringComparison.Ordinal))
        {
            return new RedisCommand(method.Name, Writes: !ReadPrefixes.Any(method.Name.StartsWith));
        }

        var command = RawCommandName(call);
        return new RedisCommand($"Execute {command ?? "?"}", Writes: command is null || !RawReadCommands.Contains(command.ToUpperInvariant()));
    }

    /// <summary>The string literal loaded just before a raw command's call: its name; null when it is not a literal.</summary>
    private static string? RawCommandName(Instruction call)
    {
        var previous = call.Previous;
        for (var steps = 0; previous is not null && steps < 8; steps++, previous = previous.Previous)
        {
            if (previous.OpCode.Code == Code.Ldstr)
            {
                return (string)previous.Operand;
            }
        }

        return null;
    }

    /// <summary>A command as the type issues it: the method called, or <c>Execute {name}</c> for a raw one.</summary>
    private readonly record struct RedisCommand(string Name, bool Writes);
}
