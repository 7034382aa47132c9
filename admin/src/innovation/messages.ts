import type { MessageShape } from "../providers/i18n/id";

/**
 * Messages of the innovation and delivery-mode screens, loaded with their chunk (registerMessages).
 * `en` must have exactly the keys of `id` (MessageShape here, test/unit/i18n-keys.test.ts at run time).
 */
export const idInnovationMessages = {
  app: {
    innovation: {
      export_file: "inovasi",
      editor_own_only: "Anda hanya dapat menambah dan mengubah inovasi instansi Anda.",
      url_invalid: "Alamat harus diawali http:// atau https://",
      launched_help: "Kosongkan bila tanggal peluncuran tidak diketahui",
      published_help: "Inovasi yang ditampilkan tampil di katalog publik (kecuali yang sudah dihentikan)",
      services_help: "Layanan yang diubah oleh inovasi ini",
      markets_help: "Pasar yang dicakup, bila inovasi menyangkut pasar",
      none: "-",
    },
    delivery: {
      title: "Cara memperoleh layanan",
      edit: "Ubah cara layanan",
      editor_title: "Cara layanan: %{name}",
      none: "Belum ada cara layanan yang dicatat.",
      saved: "Cara layanan disimpan",
      add: "Tambah cara layanan",
      venue: "Tempat pelayanan",
      url: "Alamat daring",
      fully_online: "Sepenuhnya daring (tanpa datang ke kantor)",
      postage: "Ongkos kirim ditanggung",
      typical_days: "Lama pengiriman (hari)",
      places: "Lokasi jemput bola",
      frequency: "Jadwal",
      note: "Catatan",
      refused: "Tidak disimpan: %{reason}",
      counter_at: "Loket di %{venue}",
      online_at: "Daring: %{url}",
      postal: "Dikirim lewat pos dalam ± %{days} hari (ongkos: %{payer})",
      outreach: "Jemput bola di %{places} (%{frequency})",
    },
    enum: {
      InnovationStatus: { PILOT: "Uji coba", ACTIVE: "Berjalan", RETIRED: "Dihentikan" },
      DeliveryMode: { COUNTER: "Loket", ONLINE: "Daring", POSTAL_DELIVERY: "Antar pos", OUTREACH: "Jemput bola" },
      PostageBorneBy: { APPLICANT: "Pemohon", GOVERNMENT: "Pemerintah daerah" },
    },
  },
  resources: {
    Innovation: {
      fields: {
        id: "ID",
        agencyId: "Instansi",
        name: "Nama inovasi",
        shortName: "Singkatan",
        description: "Uraian",
        launchedOn: "Diluncurkan",
        status: "Status",
        publicUrl: "Alamat publik",
        published: "Tampil di katalog publik",
        serviceIds: "Layanan yang diubah",
        marketIds: "Pasar yang dicakup",
        q: "Cari",
      },
    },
  },
};

export const enInnovationMessages: MessageShape<typeof idInnovationMessages> = {
  app: {
    innovation: {
      export_file: "innovations",
      editor_own_only: "You can only add and change your agency's innovations.",
      url_invalid: "The address must start with http:// or https://",
      launched_help: "Leave empty when the launch date is not known",
      published_help: "Published innovations appear in the public catalogue (unless retired)",
      services_help: "The services this innovation changes",
      markets_help: "The markets it covers, where it concerns markets",
      none: "-",
    },
    delivery: {
      title: "How to obtain the service",
      edit: "Edit delivery modes",
      editor_title: "Delivery modes: %{name}",
      none: "No delivery mode recorded yet.",
      saved: "Delivery modes saved",
      add: "Add a delivery mode",
      venue: "Venue",
      url: "Online address",
      fully_online: "Fully online (no office visit)",
      postage: "Postage paid by",
      typical_days: "Delivery time (days)",
      places: "Outreach places",
      frequency: "Schedule",
      note: "Note",
      refused: "Not saved: %{reason}",
      counter_at: "Counter at %{venue}",
      online_at: "Online: %{url}",
      postal: "Delivered by post in about %{days} days (postage: %{payer})",
      outreach: "Outreach at %{places} (%{frequency})",
    },
    enum: {
      InnovationStatus: { PILOT: "Pilot", ACTIVE: "Active", RETIRED: "Retired" },
      DeliveryMode: { COUNTER: "Counter", ONLINE: "Online", POSTAL_DELIVERY: "Postal delivery", OUTREACH: "Outreach" },
      PostageBorneBy: { APPLICANT: "Applicant", GOVERNMENT: "Regency government" },
    },
  },
  resources: {
    Innovation: {
      fields: {
        id: "ID",
        agencyId: "Agency",
        name: "Innovation",
        shortName: "Short name",
        description: "Description",
        launchedOn: "Launched on",
        status: "Status",
        publicUrl: "Public address",
        published: "In the public catalogue",
        serviceIds: "Services changed",
        marketIds: "Markets covered",
        q: "Search",
      },
    },
  },
};
