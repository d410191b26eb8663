"""Document types (tên loại văn bản) and their Phụ lục III codes."""

from __future__ import annotations

import enum


class DocumentType(enum.Enum):
    """A type of administrative document (loại văn bản hành chính), Nghị định 30 Đ.7.

    The value is the slug used in plan files; :attr:`code` is the abbreviation
    of Phụ lục III, Mục I, and :attr:`title` the name printed as ô 5a.
    """

    NGHI_QUYET = "nghi-quyet"
    QUYET_DINH = "quyet-dinh"
    CHI_THI = "chi-thi"
    QUY_CHE = "quy-che"
    QUY_DINH = "quy-dinh"
    THONG_CAO = "thong-cao"
    THONG_BAO = "thong-bao"
    HUONG_DAN = "huong-dan"
    CHUONG_TRINH = "chuong-trinh"
    KE_HOACH = "ke-hoach"
    PHUONG_AN = "phuong-an"
    DE_AN = "de-an"
    DU_AN = "du-an"
    BAO_CAO = "bao-cao"
    BIEN_BAN = "bien-ban"
    TO_TRINH = "to-trinh"
    HOP_DONG = "hop-dong"
    CONG_DIEN = "cong-dien"
    BAN_GHI_NHO = "ban-ghi-nho"
    BAN_THOA_THUAN = "ban-thoa-thuan"
    GIAY_UY_QUYEN = "giay-uy-quyen"
    GIAY_MOI = "giay-moi"
    GIAY_GIOI_THIEU = "giay-gioi-thieu"
    GIAY_NGHI_PHEP = "giay-nghi-phep"
    PHIEU_GUI = "phieu-gui"
    PHIEU_CHUYEN = "phieu-chuyen"
    PHIEU_BAO = "phieu-bao"
    CONG_VAN = "cong-van"
    # A document whose printed type name is none of the above (a "phiếu trình"): kept
    # with that name (Header.type_name) rather than mistyped.
    VAN_BAN = "van-ban"
    # Documents a plan cites but that are not administrative documents of Đ.7.
    LUAT = "luat"
    NGHI_DINH = "nghi-dinh"
    THONG_TU = "thong-tu"
    PHAP_LENH = "phap-lenh"

    @property
    def code(self) -> str | None:
        """The Phụ lục III abbreviation ("KH"), or None (công văn, laws)."""
        return _INFO[self][0]

    @property
    def title(self) -> str:
        """The name of the type in normal case ("Kế hoạch")."""
        return _INFO[self][1]

    @classmethod
    def from_code(cls, code: str) -> DocumentType | None:
        """Return the type whose Phụ lục III code is ``code``, if any."""
        return _BY_CODE.get(code)

    @classmethod
    def from_title(cls, title: str) -> DocumentType | None:
        """Return the type named ``title`` in any case ("Quyết định", "KẾ HOẠCH")."""
        return _BY_TITLE.get(title.strip().lower())


_INFO: dict[DocumentType, tuple[str | None, str]] = {
    DocumentType.NGHI_QUYET: ("NQ", "Nghị quyết"),
    DocumentType.QUYET_DINH: ("QĐ", "Quyết định"),
    DocumentType.CHI_THI: ("CT", "Chỉ thị"),
    DocumentType.QUY_CHE: ("QC", "Quy chế"),
    DocumentType.QUY_DINH: ("QyĐ", "Quy định"),
    DocumentType.THONG_CAO: ("TC", "Thông cáo"),
    DocumentType.THONG_BAO: ("TB", "Thông báo"),
    DocumentType.HUONG_DAN: ("HD", "Hướng dẫn"),
    DocumentType.CHUONG_TRINH: ("CTr", "Chương trình"),
    DocumentType.KE_HOACH: ("KH", "Kế hoạch"),
    DocumentType.PHUONG_AN: ("PA", "Phương án"),
    DocumentType.DE_AN: ("ĐA", "Đề án"),
    DocumentType.DU_AN: ("DA", "Dự án"),
    DocumentType.BAO_CAO: ("BC", "Báo cáo"),
    DocumentType.BIEN_BAN: ("BB", "Biên bản"),
    DocumentType.TO_TRINH: ("TTr", "Tờ trình"),
    DocumentType.HOP_DONG: ("HĐ", "Hợp đồng"),
    DocumentType.CONG_DIEN: ("CĐ", "Công điện"),
    DocumentType.BAN_GHI_NHO: ("BGN", "Bản ghi nhớ"),
    DocumentType.BAN_THOA_THUAN: ("BTT", "Bản thỏa thuận"),
    DocumentType.GIAY_UY_QUYEN: ("GUQ", "Giấy ủy quyền"),
    DocumentType.GIAY_MOI: ("GM", "Giấy mời"),
    DocumentType.GIAY_GIOI_THIEU: ("GGT", "Giấy giới thiệu"),
    DocumentType.GIAY_NGHI_PHEP: ("GNP", "Giấy nghỉ phép"),
    DocumentType.PHIEU_GUI: ("PG", "Phiếu gửi"),
    DocumentType.PHIEU_CHUYEN: ("PC", "Phiếu chuyển"),
    DocumentType.PHIEU_BAO: ("PB", "Phiếu báo"),
    DocumentType.CONG_VAN: (None, "Công văn"),
    DocumentType.VAN_BAN: (None, "Văn bản"),
    DocumentType.LUAT: (None, "Luật"),
    DocumentType.NGHI_DINH: ("NĐ", "Nghị định"),
    DocumentType.THONG_TU: ("TT", "Thông tư"),
    DocumentType.PHAP_LENH: (None, "Pháp lệnh"),
}

# Copies (bản sao) have codes of their own in the same series of Phụ lục III.
COPY_CODES = frozenset({"SY", "TrS", "SL"})

_BY_CODE = {code: t for t, (code, _) in _INFO.items() if code}
_BY_TITLE = {title.lower(): t for t, (_, title) in _INFO.items()}

ADMINISTRATIVE_CODES = frozenset(
    code
    for t, (code, _) in _INFO.items()
    if code and t not in (DocumentType.NGHI_DINH, DocumentType.THONG_TU)
)
"""The 27 type codes an administrative document number may carry."""
