using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace WidgetPlatform.Auth;

/// <summary>
/// Development tokens (docs/design.md §6): HS256 JWTs signed with the symmetric key that the AppHost generates and gives every
/// service as <c>WidgetPlatform__Auth__SigningKey</c>. The AppHost and the test host mint through this one type; the
/// gateway validates with <see cref="Issuer"/>, <see cref="Audience"/> and <see cref="TryReadSigningKey"/>.
/// </summary>
public sealed class DevTokenIssuer
{
    public const string Issuer = "widgetplatform-dev";
    public const string Audience = "widgetplatform";
    public const string Algorithm = SecurityAlgorithms.HmacSha256;

    /// <summary>HS256 wants a key at least as long as its hash: 256 bits.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>The study the dev viewer and uploader tokens may see: the AppHost's demo study.</summary>
    public const string DevStudy = "STUDY-001";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials;
    private readonly TimeProvider _time;

    /// <param name="signingKey">The base64 key, as in configuration.</param>
    public DevTokenIssuer(string signingKey, TimeProvider? time = null)
    {
        var key = TryReadSigningKey(signingKey, out var error) ?? throw new ArgumentException(error, nameof(signingKey));
        _credentials = new SigningCredentials(key, Algorithm);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>A new random key, base64, of <see cref="MinimumKeyBytes"/> bytes.</summary>
    public static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumKeyBytes));

    /// <summary>The key for a base64 string, or null with the reason it cannot be one.</summary>
    public static SymmetricSecurityKey? TryReadSigningKey(string? base64, out string? error)
    {
        var bytes = new byte[((base64?.Length ?? 0) * 3 / 4) + 3];
        if (string.IsNullOrWhiteSpace(base64) || !Convert.TryFromBase64String(base64.Trim(), bytes, out var length))
        {
            error = "The signing key is not base64.";
            return null;
        }

        if (length < MinimumKeyBytes)
        {
            error = $"The signing key has {length * 8} bits; HS256 needs at least {MinimumKeyBytes * 8}.";
            return null;
        }

        error = null;
        return new SymmetricSecurityKey(bytes[..length]);
    }

    /// <summary>A signed token for a caller.</summary>
    /// <param name="studies">Study ids, or <see cref="PlatformClaims.AllStudies"/> alone for every study.</param>
    /// <param name="issuedAt">Now unless given: a time in the past makes an expired token for tests.</param>
    public string Mint(string subject, string role, IReadOnlyCollection<string> studies, TimeSpan lifetime, DateTimeOffset? issuedAt = null)
    {
        var issued = issuedAt ?? _time.GetUtcNow();
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = issued.UtcDateTime,
            NotBefore = issued.UtcDateTime,
            Expires = (issued + lifetime).UtcDateTime,
            SigningCredentials = _credentials,
            Claims = new Dictionary<string, object>
            {
                [PlatformClaims.Subject] = subject,
                [PlatformClaims.Role] = role,
                [PlatformClaims.Studies] = studies.ToArray(),
            },
        });
    }

    /// <summary>The tokens a developer starts with: a viewer and an uploader of the demo study, and an admin of every study.</summary>
    public DevTokens MintDevTokens(TimeSpan lifetime) => new(
        Viewer: Mint("dev-viewer", PlatformRoles.Viewer, [DevStudy], lifetime),
        Uploader: Mint("dev-uploader", PlatformRoles.Uploader, [DevStudy], lifetime),
        Admin: Mint("dev-admin", PlatformRoles.Admin, [PlatformClaims.AllStudies], lifetime));
}
