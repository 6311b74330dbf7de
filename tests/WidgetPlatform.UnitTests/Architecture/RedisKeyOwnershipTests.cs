using Mono.Cecil;

namespace WidgetPlatform.UnitTests.Architecture;

/// <summary>
/// The single-writer rules, enforced on the built assemblies: every type that writes Redis is the named writer of a key
/// family, and a program uses a writer — directly or through the shared library — only if it owns that writer's keys.
/// </summary>
public sealed class RedisKeyOwnershipTests
{
    private static readonly Dictionary<string, ModuleDefinition> Modules = RedisKeyOwnership.Programs
        .Concat(RedisKeyOwnership.SharedLibraries)
        .ToDictionary(name => name, name => ModuleDefinition.ReadModule(Path.Combine(AppContext.BaseDirectory, name + ".dll")));

    private static readonly Dictionary<string, KeyFamily> FamilyOfWriter = RedisKeyOwnership.Families
        .SelectMany(family => family.Writers.Select(writer => (writer, family)))
        .ToDictionary(pair => CecilName(pair.writer), pair => pair.family);

    [Fact]
    public void EveryTypeThatWritesRedisIsTheNamedWriterOfAKeyFamily()
    {
        var unowned = AllTypes()
            .Select(type => (Type: type, Writes: RedisCalls.WritesOf(type)))
            .Where(found => found.Writes.Count > 0 && !FamilyOfWriter.ContainsKey(found.Type.FullName))
            .Select(found => $"{found.Type.FullName} ({string.Join(", ", found.Writes)})")
            .ToList();

        Assert.True(unowned.Count == 0, "Redis writes outside the ownership table: " + string.Join("; ", unowned));
    }

    [Fact]
    public void EveryNamedWriterWritesRedis()
    {
        var idle = RedisKeyOwnership.Families
            .SelectMany(family => family.Writers)
            .Where(writer => RedisCalls.WritesOf(Definition(writer)).Count == 0)
            .Select(writer => writer.FullName)
            .ToList();

        Assert.True(idle.Count == 0, "named as writers but write nothing: " + string.Join(", ", idle));
    }

    [Fact]
    public void EachWriterLivesInAnOwnerOrInASharedLibrary()
    {
        var misplaced = RedisKeyOwnership.Families
            .SelectMany(family => family.Writers.Select(writer => (writer, family)))
            .Where(pair => !pair.family.Owners.Contains(AssemblyOf(pair.writer)) && !RedisKeyOwnership.SharedLibraries.Contains(AssemblyOf(pair.writer)))
            .Select(pair => $"{pair.writer.FullName} in {AssemblyOf(pair.writer)}")
            .ToList();

        Assert.True(misplaced.Count == 0, "writers in a program that does not own their keys: " + string.Join(", ", misplaced));
    }

    [Theory]
    [InlineData(RedisKeyOwnership.Gateway)]
    [InlineData(RedisKeyOwnership.Warmer)]
    [InlineData(RedisKeyOwnership.Invalidation)]
    [InlineData(RedisKeyOwnership.Cli)]
    public void AProgramUsesOnlyTheWritersOfKeysItOwns(string program)
    {
        var writesThrough = WritersReachableFromSharedTypes();
        var used = Modules[program].Types
            .SelectMany(type => TypeDependencies.Of(type).Append(type.FullName))
            .ToHashSet(StringComparer.Ordinal);

        var trespasses = used
            .SelectMany(name => writesThrough.TryGetValue(name, out var writers) ? writers.Select(writer => (name, writer)) : [])
            .Concat(used.Where(FamilyOfWriter.ContainsKey).Select(name => (name, writer: name)))
            .Where(pair => !FamilyOfWriter[pair.writer].Owners.Contains(program))
            .Select(pair => pair.name == pair.writer ? pair.name : $"{pair.name} (writes through {pair.writer})")
            .Distinct()
            .ToList();

        Assert.True(trespasses.Count == 0, $"{program} writes keys it does not own: " + string.Join("; ", trespasses));
    }

    [Fact]
    public void TheInvalidationServiceDoesNotReachTheReadPath()
    {
        // The check above seen from the other side, for the case the rule was written for: the invalidation service used to
        // register the whole read path to reach two of its types.
        var used = Modules[RedisKeyOwnership.Invalidation].Types.SelectMany(TypeDependencies.Of).ToHashSet(StringComparer.Ordinal);

        Assert.DoesNotContain(CecilName(typeof(global::WidgetPlatform.Caching.WidgetCache)), used);
        Assert.DoesNotContain(CecilName(typeof(global::WidgetPlatform.Caching.Entries.RedisEntries)), used);
        Assert.DoesNotContain(CecilName(typeof(global::WidgetPlatform.Caching.Locking.StampedeLock)), used);
    }

    /// <summary>For each type of a shared library, the named writers it uses, directly or through other types of the libraries.</summary>
    private static Dictionary<string, HashSet<string>> WritersReachableFromSharedTypes()
    {
        var shared = RedisKeyOwnership.SharedLibraries
            .SelectMany(name => Modules[name].Types)
            .Where(type => !type.Name.StartsWith('<'))
            .ToDictionary(type => type.FullName, TypeDependencies.Of);
        var reachable = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var start in shared.Keys)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { start };
            var pending = new Stack<string>([start]);
            while (pending.TryPop(out var current))
            {
                if (!shared.TryGetValue(current, out var uses))
                {
                    continue;
                }

                foreach (var next in uses)
                {
                    if (seen.Add(next))
                    {
                        pending.Push(next);
                    }
                }
            }

            reachable[start] = [.. seen.Where(FamilyOfWriter.ContainsKey)];
        }

        return reachable;
    }

    private static IEnumerable<TypeDefinition> AllTypes() => Modules.Values.SelectMany(module => module.Types);

    private static TypeDefinition Definition(Type type) => Modules[AssemblyOf(type)].GetType(CecilName(type));

    private static string AssemblyOf(Type type) => type.Assembly.GetName().Name!;

    private static string CecilName(Type type) => type.FullName!.Replace('+', '/');
}
