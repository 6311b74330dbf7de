using Mono.Cecil;
using Mono.Cecil.Cil;

namespace WidgetPlatform.UnitTests.Architecture;

/// <summary>The types a type uses anywhere (base type, fields, signatures, IL operands), its nested types' included, by full name.</summary>
internal static class TypeDependencies
{
    public static IReadOnlySet<string> Of(TypeDefinition type)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var each in type.WithNested())
        {
            Add(found, each.BaseType);
            foreach (var field in each.Fields)
            {
                Add(found, field.FieldType);
            }

            foreach (var method in each.Methods)
            {
                Add(found, method.ReturnType);
                foreach (var parameter in method.Parameters)
                {
                    Add(found, parameter.ParameterType);
                }

                if (!method.HasBody)
                {
                    continue;
                }

                foreach (var variable in method.Body.Variables)
                {
                    Add(found, variable.VariableType);
                }

                foreach (var operand in method.Body.Instructions.Select(instruction => instruction.Operand))
                {
                    switch (operand)
                    {
                        case TypeReference referenced:
                            Add(found, referenced);
                            break;
                        case GenericInstanceMethod generic:
                            // services.AddSingleton<RedisEntries>() names its type only as a generic argument.
                            Add(found, generic.DeclaringType);
                            AddAll(found, generic.GenericArguments);
                            break;
                        case MemberReference member:
                            Add(found, member.DeclaringType);
                            break;
                    }
                }
            }
        }

        found.Remove(type.FullName);
        return found;
    }

    private static void Add(HashSet<string> found, TypeReference? type)
    {
        switch (type)
        {
            case null:
                return;
            case GenericInstanceType generic:
                Add(found, generic.ElementType);
                AddAll(found, generic.GenericArguments);
                return;
            case TypeSpecification specification:
                Add(found, specification.ElementType);
                return;
            default:
                found.Add(type.FullName);
                return;
        }
    }

    private static void AddAll(HashSet<string> found, IEnumerable<TypeReference> types)
    {
        foreach (var type in types)
        {
            Add(found, type);
        }
    }

    /// <summary>The type and its nested types at every depth: where the compiler puts its async state machines and lambdas.</summary>
    public static IEnumerable<TypeDefinition> WithNested(this TypeDefinition type) => [type, .. type.NestedTypes.SelectMany(WithNested)];
}
