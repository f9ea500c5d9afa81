"""A locally trusted HTTPS certificate for `make serve`: a budgetbook CA of this machine and a server cert.

Office loads add-ins over HTTPS only. The first `make serve` writes `ca.pem` (the CA to trust
once), `server.pem` and `server-key.pem` (for 127.0.0.1 and localhost) into the certificate
folder; later runs reuse them while they cover the hosts and have not expired.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_NAME = "budgetbook local CA"


@dataclass(frozen=True)
class LocalCertificate:
    ca: Path
    cert: Path
    key: Path

    def trust_instructions(self) -> str:
        return "\n".join([
            f"Trust the CA once (it signs only this machine's budgetbook certificate): {self.ca}",
            f"  Windows:  certutil -user -addstore Root \"{self.ca}\"",
            f"  macOS:    sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain "
            f"\"{self.ca}\"",
            f"  Debian:   sudo cp \"{self.ca}\" /usr/local/share/ca-certificates/budgetbook.crt && "
            "sudo update-ca-certificates",
        ])


def ensure_certificate(folder: Path, hosts: tuple[str, ...] = ("127.0.0.1", "localhost")) -> LocalCertificate:
    folder.mkdir(parents=True, exist_ok=True)
    paths = LocalCertificate(folder / "ca.pem", folder / "server.pem", folder / "server-key.pem")
    if not (paths.ca.exists() and folder.joinpath("ca-key.pem").exists()):
        _write_ca(folder)
    if not _covers(paths.cert, hosts):
        _write_server_cert(folder, hosts)
    return paths


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _write_key(path: Path, key: ec.EllipticCurvePrivateKey) -> None:
    path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    path.chmod(0o600)


def _write_ca(folder: Path) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, CA_NAME)])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(_now() - dt.timedelta(days=1)).not_valid_after(_now() + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                         content_commitment=False, key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, encipher_only=False, decipher_only=False),
                           critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(key, hashes.SHA256()))
    _write_key(folder / "ca-key.pem", key)
    (folder / "ca.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))


def _write_server_cert(folder: Path, hosts: tuple[str, ...]) -> None:
    ca_key = serialization.load_pem_private_key((folder / "ca-key.pem").read_bytes(), password=None)
    ca = x509.load_pem_x509_certificate((folder / "ca.pem").read_bytes())
    key = ec.generate_private_key(ec.SECP256R1())
    names = [_alt_name(h) for h in hosts]
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hosts[0])]))
            .issuer_name(ca.subject).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(_now() - dt.timedelta(days=1)).not_valid_after(_now() + dt.timedelta(days=397))
            .add_extension(x509.SubjectAlternativeName(names), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))  # type: ignore[arg-type]
    _write_key(folder / "server-key.pem", key)
    (folder / "server.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))


def _alt_name(host: str) -> x509.GeneralName:
    try:
        return x509.IPAddress(ipaddress.ip_address(host))
    except ValueError:
        return x509.DNSName(host)


def _covers(path: Path, hosts: tuple[str, ...]) -> bool:
    if not path.exists():
        return False
    cert = x509.load_pem_x509_certificate(path.read_bytes())
    if cert.not_valid_after_utc < _now() + dt.timedelta(days=7):
        return False
    present = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    return all(_alt_name(h) in present for h in hosts)
